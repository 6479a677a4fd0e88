"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatNumber } from "@/components/ui/format";
import { ACCEPTED_EXTENSIONS, MAX_DATA_ROWS } from "@/lib/spreadsheet/limits";
import { readUpload, type OpenedFile, UploadError } from "@/lib/upload-wizard/read-upload";
import type { DncFileCounts, DncRowProblem } from "@/lib/dnc/dnc-file";
import { dncNumbers, detectDncLayout, type DncLayout } from "@/components/dnc/read-dnc-file";
import { sendDnc } from "@/components/dnc/dnc-api";
import styles from "@/components/dnc/dnc.module.css";

// Upload a file of numbers: decoded by the upload wizard's reader (CSV in any encoding and
// delimiter, XLSX), a preview with the detected phone column (changeable), every row checked on
// the server (not a number, repeated in the file, already on the list), then every valid row
// added in one transaction.

type Option = { id: string; name: string };
type Check = { counts: DncFileCounts; problems: DncRowProblem[] };
type Imported = { rows: number; added: number; reactivated: number; invalid: number; duplicateInFile: number; alreadyListed: number };

const PREVIEW_ROWS = 5;
const GLOBAL_COUNTRY = "IN";
const PROBLEM_LABEL: Record<DncRowProblem["code"], string> = {
  invalid: "Not a phone number",
  duplicate_in_file: "Repeated in the file",
  already_listed: "Already on the list",
};

export function DncUpload({ campaigns, onDone }: { campaigns: Option[]; onDone: (message: string) => void }) {
  const router = useRouter();
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [layout, setLayout] = useState<DncLayout | null>(null);
  const [campaignId, setCampaignId] = useState<string>("");
  const [reason, setReason] = useState("");
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const sheet = file?.sheets[sheetIndex] ?? null;
  const choose = (opened: OpenedFile, index: number) => {
    setSheetIndex(index);
    setLayout(opened.sheets[index] ? detectDncLayout(opened.sheets[index], GLOBAL_COUNTRY) : null);
    setCheck(null);
  };
  const open = async (picked: File | undefined) => {
    setProblem(null);
    setCheck(null);
    if (!picked) return;
    setBusy("Reading the file…");
    try {
      const opened = await readUpload({ name: picked.name, bytes: await picked.arrayBuffer() });
      if (opened.sheets.length === 0) throw new UploadError("This file has no sheet with rows.");
      setFile(opened);
      choose(opened, 0);
    } catch (error) {
      setFile(null);
      setProblem(error instanceof UploadError ? error.message : "This file could not be read.");
    } finally {
      setBusy(null);
    }
  };
  const numbers = sheet && layout ? dncNumbers(sheet, layout) : [];
  const body = () => ({ campaignId: campaignId === "" ? null : campaignId, reason: reason.trim() || undefined, numbers });
  const runCheck = async () => {
    if (numbers.length > MAX_DATA_ROWS) return setProblem(`A file can hold at most ${formatNumber(MAX_DATA_ROWS)} numbers.`);
    setBusy("Checking every row…");
    setProblem(null);
    const sent = await sendDnc<Check>("POST", "/api/dnc/check", body());
    setBusy(null);
    if (sent.ok) setCheck(sent.body);
    else setProblem([sent.message, ...sent.errors].join(": "));
  };
  const runImport = async () => {
    setBusy("Adding the numbers…");
    const sent = await sendDnc<{ imported: Imported }>("POST", "/api/dnc/import", body());
    setBusy(null);
    if (!sent.ok) return setProblem([sent.message, ...sent.errors].join(": "));
    const done = sent.body.imported;
    const skipped = done.invalid + done.duplicateInFile + done.alreadyListed;
    onDone(
      `Added ${formatNumber(done.added)} number${done.added === 1 ? "" : "s"}` +
        (done.reactivated ? `, re-activated ${formatNumber(done.reactivated)}` : "") +
        (skipped ? `; skipped ${formatNumber(skipped)} row${skipped === 1 ? "" : "s"} with a problem.` : "."),
    );
    router.refresh();
  };

  const toSend = check ? check.counts.toAdd + check.counts.toReactivate : 0;
  return (
    <section className="card" aria-label="Upload a file of numbers">
      <h2>Upload a file of numbers</h2>
      <p className="muted">
        A CSV or Excel file with a column of phone numbers, read the same way as contact uploads ({ACCEPTED_EXTENSIONS.join(", ")}). Every
        row is checked before anything is added.
      </p>
      <div className="form-grid">
        <label className="field">
          <span>File</span>
          <input type="file" accept={ACCEPTED_EXTENSIONS.join(",")} onChange={(e) => open(e.target.files?.[0])} disabled={busy !== null} />
        </label>
        <label className="field">
          <span>List</span>
          <select
            value={campaignId}
            onChange={(e) => {
              setCampaignId(e.target.value);
              setCheck(null);
            }}
          >
            <option value="">Global: never called by any campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                Only {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Reason (optional)</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. complaints register" />
        </label>
      </div>

      {file && sheet && layout && (
        <div className={styles.preview}>
          <div className="form-grid">
            {file.sheets.length > 1 && (
              <label className="field">
                <span>Sheet</span>
                <select value={sheetIndex} onChange={(e) => choose(file, Number(e.target.value))}>
                  {file.sheets.map((s, i) => (
                    <option key={s.name} value={i}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field">
              <span>Phone column</span>
              <select
                value={layout.column}
                onChange={(e) => {
                  setLayout({ ...layout, column: Number(e.target.value) });
                  setCheck(null);
                }}
              >
                {layout.columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="check-field">
              <input
                type="checkbox"
                checked={layout.headerIndex >= 0}
                onChange={(e) => {
                  setLayout({ ...layout, headerIndex: e.target.checked ? 0 : -1 });
                  setCheck(null);
                }}
              />{" "}
              The first row is a header
            </label>
          </div>
          <p className="muted small">
            {file.fileName}: {formatNumber(numbers.length)} row{numbers.length === 1 ? "" : "s"} of numbers. The first {PREVIEW_ROWS}:
          </p>
          <div className="table-card">
            <table className="table" aria-label="File preview">
              <thead>
                <tr>
                  <th>Row</th>
                  {layout.columns.map((c) => (
                    <th key={c.index} className={c.index === layout.column ? styles.chosen : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheet.rows.slice(layout.headerIndex + 1, layout.headerIndex + 1 + PREVIEW_ROWS).map((row, i) => {
                  const at = layout.headerIndex + 1 + i;
                  return (
                    <tr key={at}>
                      <td className="muted">{sheet.rowNumbers[at]}</td>
                      {layout.columns.map((c) => (
                        <td key={c.index} className={c.index === layout.column ? `${styles.chosen} mono` : undefined}>
                          {row[c.index] ?? ""}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {check && <CheckResult check={check} />}
      {problem && (
        <div role="alert" className="alert alert-error">
          {problem}
        </div>
      )}
      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      <div className="button-row">
        {file && !check && (
          <button type="button" className="btn btn-primary" onClick={runCheck} disabled={busy !== null || numbers.length === 0}>
            Check {formatNumber(numbers.length)} row{numbers.length === 1 ? "" : "s"}
          </button>
        )}
        {check && (
          <button type="button" className="btn btn-primary" onClick={runImport} disabled={busy !== null || toSend === 0}>
            {toSend === 0 ? "Nothing to add" : `Add ${formatNumber(toSend)} number${toSend === 1 ? "" : "s"}`}
          </button>
        )}
        <button type="button" className="btn" onClick={() => onDone("")}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function CheckResult({ check }: { check: Check }) {
  const { counts, problems } = check;
  const figures = [
    { label: "To add", value: counts.toAdd },
    { label: "To re-activate", value: counts.toReactivate },
    { label: "Not a phone number", value: counts.invalid },
    { label: "Repeated in the file", value: counts.duplicateInFile },
    { label: "Already on the list", value: counts.alreadyListed },
  ];
  const withProblems = counts.invalid + counts.duplicateInFile + counts.alreadyListed;
  return (
    <section className={styles.check} aria-label="Check result">
      <dl className={styles.figures}>
        {figures.map((f) => (
          <div key={f.label} className="figure">
            <dt className="muted small">{f.label}</dt>
            <dd>{formatNumber(f.value)}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <>
          <p className="muted small">
            {formatNumber(withProblems)} row{withProblems === 1 ? "" : "s"} with a problem will be skipped
            {problems.length < withProblems ? ` (the first ${formatNumber(problems.length)} are listed)` : ""}:
          </p>
          <div className={`table-card ${styles.problems}`}>
            <table className="table" aria-label="Rows with a problem">
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Value</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={p.row}>
                    <td>{p.row}</td>
                    <td className="mono">{p.value || "—"}</td>
                    <td>
                      <span className={p.code === "already_listed" ? "badge badge-neutral" : "badge badge-danger"}>
                        {PROBLEM_LABEL[p.code]}
                      </span>{" "}
                      <span className="small">{p.message}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
