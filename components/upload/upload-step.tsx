"use client";

import { useRef, useState } from "react";
import { ACCEPTED_EXTENSIONS, MAX_DATA_ROWS, MAX_FILE_BYTES } from "@/lib/spreadsheet/limits";
import { formatNumber } from "@/components/ui/format";
import { downloadFile, slug } from "@/components/upload/download";
import type { WizardCampaign } from "@/components/upload/wizard-campaign";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Props = { campaign: WizardCampaign; busy: boolean; onFile: (file: File) => void; onError: (message: string) => void };

// Step "File": the limits are stated before anything is read, and a file that breaks them is
// refused without parsing it.
export function UploadStep({ campaign, busy, onFile, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { fields } = campaign.schema;

  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (!file || busy) return;
    const extension = `.${file.name.toLowerCase().split(".").pop()}`;
    if (extension === ".xls") return onError("This is an old .xls workbook. Save it as .xlsx (or CSV UTF-8) and upload again.");
    if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension))
      return onError(`"${file.name}" is not a spreadsheet Dialsheet reads. Upload a CSV, TSV, TXT or XLSX file.`);
    if (file.size > MAX_FILE_BYTES)
      return onError(
        `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(0)} MB; an upload can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      );
    onFile(file);
  };

  // The template writer (and its XLSX library) loads only when a template is asked for.
  const downloadTemplate = async (format: "csv" | "xlsx") => {
    const { templateCsv, templateXlsx, TEMPLATE_XLSX_MIME } = await import("@/lib/spreadsheet/template");
    const name = `${slug(campaign.name)}-template.${format}`;
    if (format === "csv") downloadFile(templateCsv(campaign.schema), name);
    else downloadFile(await templateXlsx(campaign.schema), name, TEMPLATE_XLSX_MIME);
  };

  return (
    <div className="upload-layout">
      <section className="card">
        <div
          className={`dropzone${over ? " dropzone-over" : ""}${busy ? " dropzone-busy" : ""}`}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(event) => {
            event.preventDefault();
            setOver(false);
            take(event.dataTransfer.files);
          }}
          aria-busy={busy}
        >
          <div className="dropzone-icon" aria-hidden>
            ⇪
          </div>
          {busy ? (
            <p className="dropzone-title" role="status">
              Reading the file…
            </p>
          ) : (
            <>
              <p className="dropzone-title">Drop a spreadsheet here</p>
              <p className="muted">or</p>
              <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>
                Choose a file
              </button>
            </>
          )}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            aria-label="Spreadsheet file"
            accept={[...ACCEPTED_EXTENSIONS, "text/csv", "text/tab-separated-values", "text/plain", XLSX_MIME].join(",")}
            onChange={(event) => {
              take(event.target.files);
              event.target.value = "";
            }}
          />
          <p className="dropzone-limits">
            CSV, TSV, TXT or Excel (.xlsx) · up to {MAX_FILE_BYTES / 1024 / 1024} MB · up to {formatNumber(MAX_DATA_ROWS)} rows
          </p>
        </div>
      </section>

      <aside className="card upload-aside">
        <h2>What each row needs</h2>
        <ul className="field-list" aria-label="Campaign fields">
          {fields.map((f) => (
            <li key={f.key}>
              <span className="mono">{f.key}</span>
              {f.required ? <span className="badge badge-danger">required</span> : <span className="badge badge-neutral">optional</span>}
              {f.key === campaign.schema.identifierKey && <span className="badge badge-info">identifier</span>}
            </li>
          ))}
        </ul>
        <h2>Start from the template</h2>
        <p className="muted small">
          Phone and ID columns are formatted as text in the Excel template, so Excel keeps every digit and leading zero.
        </p>
        <div className="button-row">
          <button type="button" className="btn btn-sm" onClick={() => void downloadTemplate("csv")}>
            Download CSV template
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void downloadTemplate("xlsx")}>
            Download Excel template
          </button>
        </div>
        <p className="muted small">
          Encodings (UTF-8, UTF-16, Windows-1252), delimiters (<code>,</code> <code>;</code> tab <code>|</code>) and title rows above the
          header are detected; you can correct each before anything is imported.
        </p>
      </aside>
    </div>
  );
}
