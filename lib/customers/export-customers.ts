import Papa from "papaparse";
import writeXlsxFile, { type SheetData } from "write-excel-file/universal";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { storedRecord } from "@/lib/customers/customer-columns";
import { escapeFormula } from "@/lib/spreadsheet/formula-escape";
import type { DomainContext } from "@/lib/domain/context";
import { Invalid } from "@/lib/domain/errors";
import type { FieldSchema } from "@/lib/campaigns/field-schema";
import { campaignInScope } from "./campaign-scope";
import type { ContactFilters } from "./contact-filters";
import { contactsWhere } from "./search-customers";

// The filtered contacts as a file: the campaign's fields in schema order, then the E.164 phone,
// the assignee, the DNC state, the upload job and when it was added. Every cell is formula-safe
// (escapeFormula), so "=HYPERLINK(…)" typed into a name cannot run when the file is opened.
// CSV streams in batches of any size; an XLSX is built in memory, so it has a ceiling.

export const XLSX_EXPORT_LIMIT = 100_000;
const BATCH = 5000;

export type ExportFormat = "csv" | "xlsx";

export async function exportCustomers(ctx: DomainContext, campaignId: string, filters: ContactFilters, format: ExportFormat) {
  const { campaign, schema } = await campaignInScope(ctx, campaignId);
  const where = contactsWhere(ctx, campaign.id, filters, campaign.phoneCountry);
  const header = [...schema.fields.map((f) => f.key), "phone_e164", "assigned_to", "dnc", "upload_job_id", "created_at"];
  const baseName = `${campaign.name.replace(/[^\w.-]+/g, "_").slice(0, 60)}-contacts`;

  if (format === "xlsx") {
    const [{ n }] = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM (SELECT 1 FROM customers c WHERE ${where.sql} LIMIT ${XLSX_EXPORT_LIMIT + 1}) t`;
    if (Number(n) > XLSX_EXPORT_LIMIT) {
      throw new Invalid(
        `An Excel export holds at most ${XLSX_EXPORT_LIMIT.toLocaleString("en-IN")} contacts; narrow the filter or export CSV`,
      );
    }
    const data: SheetData = [header.map((value) => ({ value, fontWeight: "bold" as const }))];
    for await (const rows of batches(where.sql))
      for (const row of rows) data.push(cells(row, schema).map((value) => ({ value, type: String })));
    const blob = await writeXlsxFile(data, { sheet: "Contacts", stickyRowsCount: 1 }).toBlob();
    return {
      fileName: `${baseName}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: blob.stream(),
    };
  }

  const encoder = new TextEncoder();
  const line = (values: string[]) =>
    encoder.encode(`${Papa.unparse([values], { quotes: true, newline: "\r\n", escapeFormulae: false })}\r\n`);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode("\uFEFF"));
      controller.enqueue(line(header));
      for await (const rows of batches(where.sql)) for (const row of rows) controller.enqueue(line(cells(row, schema)));
      controller.close();
    },
  });
  return { fileName: `${baseName}.csv`, contentType: "text/csv; charset=utf-8", body: stream };
}

type ExportRow = {
  id: string;
  identifier: string;
  phoneRaw: string;
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  assignedTo: string | null;
  data: Record<string, unknown>;
  uploadJobId: string | null;
  createdAt: Date;
  dnc: string | null;
};

// Keyset batches in id order: each one is an index range, however deep the export goes.
async function* batches(where: Prisma.Sql): AsyncGenerator<ExportRow[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<ExportRow[]>`
      SELECT c.id::text AS id, c.identifier, c."phoneRaw", c."phoneE164", c."firstName", c."lastName", c.language, c."assignedTo", c.data,
             c."uploadJobId", c."createdAt",
             (SELECT CASE WHEN bool_or(d.scope = '') THEN 'global' ELSE 'campaign' END FROM dnc_entries d
               WHERE d."phoneE164" = c."phoneE164" AND d.status = 'active' AND d.scope IN ('', c."campaignId")
                 AND d."organizationId" = (SELECT "organizationId" FROM campaigns WHERE id = c."campaignId") HAVING count(*) > 0) AS dnc
      FROM customers c WHERE ${where} AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${BATCH}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

function cells(row: ExportRow, schema: FieldSchema): string[] {
  const record = storedRecord(row, schema);
  const values = [
    ...schema.fields.map((f) => record[f.key]),
    row.phoneE164,
    row.assignedTo,
    row.dnc ?? "",
    row.uploadJobId,
    row.createdAt.toISOString(),
  ];
  return values.map((v) => escapeFormula(v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)));
}
