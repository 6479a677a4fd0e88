"use client";

import { useCallback, useMemo, useState, type Dispatch } from "react";
import type { ReplaceSpec } from "@/lib/upload-wizard/find-replace";
import type { RowFilter } from "@/lib/upload-wizard/review-rows";
import type { UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import type { ReviewState } from "@/lib/upload-wizard/worker-protocol";
import type { WizardEvent, WizardState } from "@/lib/upload-wizard/wizard-state";
import { formatNumber } from "@/components/ui/format";
import { downloadFile, slug } from "@/components/upload/download";
import { FindReplace } from "@/components/upload/find-replace";
import { ReviewSummary } from "@/components/upload/review-summary";
import { ReviewTable } from "@/components/upload/review-table";
import { ReviewToolbar } from "@/components/upload/review-toolbar";
import { useCampaignCheck } from "@/components/upload/use-campaign-check";
import { useReviewRows } from "@/components/upload/use-review-rows";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

type Props = {
  state: Extract<WizardState, { step: "review" }>;
  client: UploadWorkerClient;
  campaign: WizardCampaign;
  dispatch: Dispatch<WizardEvent>;
};

const ALL: RowFilter = { status: "all", category: null };

// Step "Review": every row with each cell's problem beside it, filters by status and error type,
// inline edits that re-validate, removal, find-and-replace and undo — all answered by the worker.
export function ReviewStep({ state, client, campaign, dispatch }: Props) {
  const { counts, history } = state.review;
  const [filter, setFilter] = useState<RowFilter>(ALL);
  const [selection, setSelection] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [replacing, setReplacing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const rows = useReviewRows(client, filter, selection);
  const fields = useMemo(() => {
    const mapped = new Set(Object.values(state.mapping));
    return campaign.schema.fields.filter((f) => mapped.has(f.key));
  }, [campaign.schema.fields, state.mapping]);

  const { invalidate } = rows;
  const apply = useCallback(
    (review: ReviewState) => {
      dispatch({ type: "reviewChanged", review });
      if (review.structural) {
        setSelection((n) => n + 1);
        setSelected(new Set());
      }
      invalidate(review.changed);
    },
    [dispatch, invalidate],
  );
  const act = useCallback(
    async (work: () => Promise<ReviewState>) => {
      try {
        setProblem(null);
        apply(await work());
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      }
    },
    [apply],
  );
  const check = useCampaignCheck(client, campaign.id, counts.unchecked, apply);

  const onEdit = useCallback(
    (row: number, field: string, value: string) => void act(() => client.call("edit", { row, field, value })),
    [act, client],
  );
  const onToggle = useCallback((row: number) => setSelected((s) => toggled(s, row)), []);
  const errorRows = useCallback(
    () => client.call("select", { filter: { status: "errors", category: null } }).then((answer) => answer.rows),
    [client],
  );
  const onToggleAll = useCallback(() => {
    const view = rows.view;
    if (!view) return;
    setSelected((s) => (s.size >= view.length ? new Set() : new Set(view)));
  }, [rows.view]);

  const undo = () => void act(() => client.call("undo", {}));
  const redo = () => void act(() => client.call("redo", {}));
  const remove = () => void act(() => client.call("remove", { rows: [...selected] }));
  const replace = async (spec: ReplaceSpec) => act(async () => (await client.call("replace", { spec, dryRun: false })).state);
  const downloadErrors = async () => {
    const report = await client.call("report", { kind: "review" });
    downloadFile(report.csv, `${slug(state.file.fileName.replace(/\.\w+$/, ""))}-rows-with-errors.csv`);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if ((event.target as HTMLElement).closest("input, select, textarea")) return;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === "z") {
      event.preventDefault();
      if (event.shiftKey) redo();
      else undo();
    } else if (mod && event.key.toLowerCase() === "y") {
      event.preventDefault();
      redo();
    }
  };

  return (
    <section className="review" onKeyDown={onKeyDown} aria-label="Review rows">
      <ReviewSummary counts={counts} check={check.status} onRetryCheck={() => void check.retry()} />
      <ReviewToolbar
        counts={counts}
        filter={filter}
        onFilter={setFilter}
        history={history}
        onUndo={undo}
        onRedo={redo}
        selectedCount={selected.size}
        onRemove={remove}
        replacing={replacing}
        onToggleReplace={() => setReplacing((r) => !r)}
        onDownloadErrors={() => void downloadErrors()}
      />
      {replacing && (
        <FindReplace client={client} fields={fields} version={counts} onReplace={replace} onClose={() => setReplacing(false)} />
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <ReviewTable
        fields={fields}
        rows={rows}
        selected={selected}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        onEdit={onEdit}
        emptyMessage={emptyMessage(filter, counts.rows)}
        pinnedField={campaign.schema.identifierKey}
        errorRows={errorRows}
        hasErrors={counts.rows > counts.valid}
      />
      <p className="muted small review-help">
        Double-click a cell, or move with the arrow keys and press Enter, to fix it; the row is checked again at once. Space selects a row;
        F8 goes to the next error; Ctrl+Z undoes.
      </p>
      <div className="step-actions sticky-actions">
        <button type="button" className="btn" onClick={() => dispatch({ type: "back" })}>
          {state.viaValues ? "Back to values" : "Back to columns"}
        </button>
        <span className="muted">
          <strong>{formatNumber(counts.valid)}</strong> rows ready to add
          {counts.rows - counts.valid > 0 && <> · {formatNumber(counts.rows - counts.valid)} with problems will be skipped</>}
        </span>
        <button type="button" className="btn btn-primary" disabled={counts.valid === 0} onClick={() => dispatch({ type: "submitOpened" })}>
          Continue to submit
        </button>
      </div>
    </section>
  );
}

function toggled(set: ReadonlySet<number>, row: number): Set<number> {
  const next = new Set(set);
  if (next.has(row)) next.delete(row);
  else next.add(row);
  return next;
}

function emptyMessage(filter: RowFilter, rows: number): string {
  if (rows === 0) return "Every row was removed. Undo (Ctrl+Z) brings them back.";
  if (filter.category !== null) return "No rows with this problem are left.";
  if (filter.status === "errors") return "No rows with problems: every row is ready to add.";
  if (filter.status === "valid") return "No row is ready yet. Fix the rows with errors, or remove them.";
  return "No rows.";
}
