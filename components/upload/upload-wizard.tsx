"use client";

import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from "react";
import { mapColumns, rememberMapping, type RememberedMapping } from "@/lib/spreadsheet/map-columns";
import type { ReadOverrides } from "@/lib/upload-wizard/read-upload";
import { createUploadWorker, type UploadWorkerClient } from "@/lib/upload-wizard/worker-client";
import { initialWizardState, wizardReducer, type WizardEvent } from "@/lib/upload-wizard/wizard-state";
import { DoneStep } from "@/components/upload/done-step";
import { HeaderStep } from "@/components/upload/header-step";
import { MapStep } from "@/components/upload/map-step";
import { ReviewStep } from "@/components/upload/review-step";
import { SheetStep } from "@/components/upload/sheet-step";
import { SubmitStep } from "@/components/upload/submit-step";
import { UploadStep } from "@/components/upload/upload-step";
import { useDateColumns } from "@/components/upload/use-date-columns";
import { LEAVE_QUESTION, LEAVE_SUBMIT_QUESTION, useLeaveGuard } from "@/components/upload/use-leave-guard";
import { ResumeBanner } from "@/components/upload/resume-banner";
import { useSubmission } from "@/components/upload/use-submission";
import { useUploadDraft } from "@/components/upload/use-upload-draft";
import { useValueColumns } from "@/components/upload/use-value-columns";
import { ValuesStep } from "@/components/upload/values-step";
import { FontWarmup } from "@/components/upload/font-warmup";
import type { UploadDraft } from "@/lib/upload-wizard/upload-draft";
import { valuesToRemember } from "@/lib/upload-wizard/value-mapping";
import { prepareForHeader, usePrepareReview } from "@/components/upload/use-prepare-review";
import { WizardStepper } from "@/components/upload/wizard-stepper";
import type { AgentOption, DispositionOption, WizardCampaign } from "@/components/upload/wizard-campaign";

// The upload wizard: a state machine of steps (lib/upload-wizard/wizard-state.ts) over a Web Worker
// that holds the file and its rows. This component runs the transitions that need the worker
// or the server; each step renders and reports what the operator chose.

type Props = { campaign: WizardCampaign; agents: AgentOption[]; dispositions: DispositionOption[] };

export function UploadWizard({ campaign, agents, dispositions }: Props) {
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const [client, setClient] = useState<UploadWorkerClient | null>(null);
  const [mappingNotice, setMappingNotice] = useState<string | null>(null);
  const remembered = useRef(campaign.savedMapping);

  useEffect(() => {
    const worker = createUploadWorker();
    setClient(worker);
    return () => worker.dispose();
  }, []);

  const dates = useDateColumns(client, state, campaign);
  const values = useValueColumns(client, state, campaign, remembered.current);
  usePrepareReview(
    client,
    state,
    campaign,
    remembered.current,
    dates.columns === null || values.enums === null ? null : { dates: dates.choices, values: values.choices, numbers: values.numberFormat },
  );

  const draft = useUploadDraft(client, campaign);
  const submission = useSubmission({
    client,
    campaignId: campaign.id,
    dispatch,
    onPlanned: draft.submitting,
  });

  // A finished (or stopped) upload has nothing to resume; going back before the review drops the edits.
  useEffect(() => {
    if (state.step !== "review" && state.step !== "submit") draft.clear();
  }, [state.step]);

  // Leaving mid-review or mid-submit asks first; leaving mid-submit cancels the upload cleanly.
  const sending = state.step === "submit" && state.progress !== null;
  const unsaved = state.step === "review" || (state.step === "submit" && state.progress?.phase !== "finished");
  useLeaveGuard(unsaved, sending ? LEAVE_SUBMIT_QUESTION : LEAVE_QUESTION, submission.leave);

  /** Runs a worker step; its error (already phrased for the operator) stays on the step. */
  const step = useCallback(
    async (work: (client: UploadWorkerClient) => Promise<WizardEvent>) => {
      if (!client) return;
      dispatch({ type: "busy" });
      try {
        dispatch(await work(client));
      } catch (error) {
        dispatch({ type: "failed", error: error instanceof Error ? error.message : String(error) });
      }
    },
    [client],
  );

  const openFile = (file: File) =>
    step(async (c) => {
      draft.fileChosen(file);
      const summary = await c.call("open", { name: file.name, data: file });
      const withRows = summary.sheets.flatMap((s, i) => (s.rowCount > 0 ? [i] : []));
      if (withRows.length === 0) throw new Error("There is nothing in this file: every sheet is empty.");
      // One sheet worth reading: no need to ask which.
      const preview = withRows.length === 1 ? await headerPreview(c, withRows[0]) : null;
      if (withRows.length === 1) draft.sheetChosen(withRows[0]);
      return { type: "fileOpened", file: summary, preview };
    });

  /** A sheet's preview; the worker starts validating under its detected header before the header step renders. */
  const headerPreview = async (c: UploadWorkerClient, sheet: number) => {
    const preview = await c.call("selectSheet", { sheet });
    prepareForHeader(c, preview, preview.detectedHeader, campaign, remembered.current);
    return preview;
  };

  const chooseSheet = (sheet: number) =>
    step(async (c) => {
      draft.sheetChosen(sheet);
      return { type: "sheetChosen", preview: await headerPreview(c, sheet) };
    });

  const reread = (overrides: ReadOverrides) =>
    step(async (c) => {
      const file = await c.call("reopen", overrides);
      draft.reread(overrides);
      draft.sheetChosen(0);
      return { type: "fileReread", file, preview: await headerPreview(c, 0) };
    });

  const confirmHeader = (headerRow: number) =>
    step(async (c) => {
      const { columns, dataRows } = await c.call("setHeader", { headerRow });
      const { mapping } = mapColumns(
        columns.map((col) => col.header),
        campaign.schema.fields,
        remembered.current ?? undefined,
      );
      return { type: "headerConfirmed", columns, dataRows, mapping };
    });

  /** To the review with the current choices; the draft keeps them so a resume rebuilds the same rows. */
  const toReview = (viaValues: boolean) => {
    if (state.step !== "map" && state.step !== "values") return;
    const { headerRow, mapping, dataRows } = state;
    const choices = { dates: dates.choices, values: values.choices, numbers: values.numberFormat };
    return step(async (c) => {
      const review = await c.call("review", { ...rules(campaign), mapping, ...choices });
      draft.reviewReady({ headerRow, mapping, ...choices, viaValues, rows: dataRows });
      return { type: "reviewReady", review };
    });
  };

  const confirmMapping = () => {
    if (state.step !== "map" || dates.columns === null || dates.unanswered.length > 0 || values.enums === null) return;
    void saveMapping(campaign.id, {
      columns: rememberMapping(
        state.columns.map((col) => col.header),
        state.mapping,
      ).columns,
    }).then((result) => {
      if ("mapping" in result) remembered.current = result.mapping;
      setMappingNotice("error" in result ? `The column choices were not saved for next time: ${result.error}` : null);
    });
    // Values outside a field's enum: the operator says what they mean first.
    // In a transition: React renders the step in slices, not in one long task after the click.
    if (values.enums.length > 0) return startTransition(() => dispatch({ type: "valuesOpened" }));
    return toReview(false);
  };

  const confirmValues = () => {
    if (state.step !== "values" || values.enums === null) return;
    void saveMapping(campaign.id, { columns: {}, values: valuesToRemember(values.enums, values.choices) }).then((result) => {
      if ("mapping" in result) remembered.current = result.mapping;
      setMappingNotice("error" in result ? `The value choices were not saved for next time: ${result.error}` : null);
    });
    return toReview(true);
  };

  /** Replays the kept draft through the worker: the same file, choices and edits give the same rows. */
  const resume = async (kept: UploadDraft) => {
    let replayed = false;
    await step(async (c) => {
      let file = await c.call("open", { name: kept.file.name, data: kept.file.data });
      if (kept.read.overrides) file = await c.call("reopen", kept.read.overrides);
      const preview = await c.call("selectSheet", { sheet: kept.read.sheet });
      const { columns, dataRows } = await c.call("setHeader", { headerRow: kept.read.headerRow });
      // Drafts kept before the value step have no values or numbers: the review then reads as it did.
      const { mapping, dates: chosenDates, values: chosenValues = {}, numbers = null, viaValues = false } = kept.choices;
      let review = await c.call("review", { ...rules(campaign), mapping, dates: chosenDates, values: chosenValues, numbers });
      for (const edit of kept.edits) {
        const answer = await c.call(edit.type, edit.input as never);
        review = "state" in answer ? answer.state : answer;
      }
      draft.adopt(kept);
      // Back from the review shows these choices again, not the ones a fresh file would get.
      dates.restore(chosenDates);
      values.restore(chosenValues, numbers);
      replayed = true;
      const resumedStep = kept.submission ? "submit" : "review";
      return {
        type: "resumed",
        step: resumedStep,
        file,
        preview,
        headerRow: kept.read.headerRow,
        columns,
        dataRows,
        mapping,
        review,
        viaValues,
      };
    });
    // Sending had started: the same key and plan again, so what the server added replays.
    if (replayed && kept.submission) {
      const { key, plan, options } = kept.submission;
      await submission.start(options, kept.file.name, { key, plan });
    }
  };

  const restart = () => {
    draft.clear();
    dispatch({ type: "restart" });
  };

  return (
    <div className="wizard">
      <FontWarmup />
      <WizardStepper state={state} />
      {state.error && (
        <div className="alert alert-error wizard-alert" role="alert">
          {state.error}
          <button type="button" className="btn btn-sm" onClick={() => dispatch({ type: "dismissError" })}>
            Dismiss
          </button>
        </div>
      )}
      {mappingNotice && (
        <div className="alert alert-warning" role="status">
          {mappingNotice}
        </div>
      )}
      {state.step === "upload" && draft.offered && (
        <ResumeBanner
          draft={draft.offered}
          busy={state.busy || !client}
          onResume={() => draft.offered && void resume(draft.offered)}
          onDiscard={draft.discard}
        />
      )}
      {state.step === "upload" && (
        <UploadStep
          campaign={campaign}
          busy={state.busy || !client}
          onFile={openFile}
          onError={(error) => dispatch({ type: "failed", error })}
        />
      )}
      {state.step === "sheet" && <SheetStep state={state} onChoose={chooseSheet} onBack={() => dispatch({ type: "back" })} />}
      {state.step === "header" && (
        <HeaderStep
          state={state}
          onPick={(headerRow) => dispatch({ type: "headerPicked", headerRow })}
          onReread={reread}
          onConfirm={confirmHeader}
          onBack={() => dispatch({ type: "back" })}
        />
      )}
      {state.step === "map" && (
        <MapStep
          state={state}
          dates={dates}
          values={values}
          schema={campaign.schema}
          remembered={remembered.current}
          onMap={(column, field) => dispatch({ type: "columnMapped", column, field })}
          onConfirm={confirmMapping}
          onBack={() => dispatch({ type: "back" })}
        />
      )}
      {state.step === "values" && (
        <ValuesStep
          state={state}
          values={values}
          remembered={remembered.current}
          onConfirm={confirmValues}
          onBack={() => dispatch({ type: "back" })}
        />
      )}
      {state.step === "review" && client && <ReviewStep state={state} client={client} campaign={campaign} dispatch={dispatch} />}
      {state.step === "submit" && client && (
        <SubmitStep
          state={state}
          submission={submission}
          campaign={campaign}
          agents={agents}
          dispositions={dispositions}
          dispatch={dispatch}
        />
      )}
      {state.step === "done" && client && <DoneStep state={state} client={client} campaign={campaign} onRestart={restart} />}
    </div>
  );
}

function rules(campaign: WizardCampaign) {
  return { schema: campaign.schema, policy: campaign.policy, duplicatesBy: campaign.duplicatesBy };
}

async function saveMapping(
  campaignId: string,
  choices: { columns: RememberedMapping["columns"]; values?: RememberedMapping["values"] },
): Promise<{ mapping: RememberedMapping } | { error: string }> {
  try {
    const response = await fetch(`/api/campaigns/${encodeURIComponent(campaignId)}/mapping`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(choices),
    });
    const body = await response.json().catch(() => null);
    if (response.ok && body?.mapping) return { mapping: body.mapping };
    return { error: body?.error?.message ?? `the server answered ${response.status}` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
