import { contractError } from "@/lib/api/errors";
import { uploadErrors as m } from "./messages";

// The structural checks of POST /api/bulkphonebookupload/v1/, in the order the vendor's update
// document implies (§1.5): structure, then reference_field present, then the reference key in
// every item, then uniform items, then at least one column besides the reference. Pure; the
// campaign-dependent header check is check-headers.ts, and per-row problems are the worker's.

export type UploadRow = Record<string, unknown>;

export type UploadRequest =
  | { action: "insert"; campaign: string; rows: UploadRow[] }
  | { action: "update"; campaign: string; rows: UploadRow[]; referenceField: string };

/** Throws the contract's `{"errors": ...}` (400; 500 where the seed says so) for a request it cannot accept. */
export function parseUploadRequest(body: unknown): UploadRequest {
  if (!isObject(body)) throw uploadError(m.invalidStructure);
  const action = actionOf(body.action_type);
  if (action === null) throw uploadError(m.invalidStructure);

  const campaign = typeof body.campaign === "string" && body.campaign.trim() !== "" ? body.campaign.trim() : null;
  const rows = isRowList(body.bulk_data) ? body.bulk_data : null;

  if (action === "insert") {
    // The insert document's message wins over the update document's "Invalid request structure".
    if (Object.hasOwn(body, "reference_field")) throw uploadError(m.insertWithReference);
    if (campaign === null || rows === null) throw uploadError(m.invalidStructure);
    return { action, campaign, rows };
  }

  // The seed lists this message under Code 500; the contract is followed as written.
  if (campaign === null || rows === null) throw uploadError(m.somethingWrong, 500);
  const referenceField = typeof body.reference_field === "string" ? body.reference_field.trim() : "";
  if (referenceField === "") throw uploadError(m.referenceMissing);
  if (rows.some((row) => !Object.hasOwn(row, referenceField))) throw uploadError(m.referenceMissingInItems(referenceField));
  const shape = keyShape(rows[0]);
  if (rows.some((row) => keyShape(row) !== shape)) throw uploadError(m.notUniform);
  if (Object.keys(rows[0]).length === 1) throw uploadError(m.onlyReference);
  return { action, campaign, rows, referenceField };
}

/** The contract's error body; structural problems are the client's, so 400 unless told. */
export function uploadError(message: string, status = 400) {
  return contractError(status, { errors: message });
}

// "update" (any case) is an update; absent or "insert" is an insert; anything else is unknown.
function actionOf(value: unknown): "insert" | "update" | null {
  if (value === undefined || value === null) return "insert";
  if (typeof value !== "string") return null;
  const action = value.trim().toLowerCase();
  return action === "update" || action === "insert" ? action : null;
}

function isRowList(value: unknown): value is UploadRow[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keyShape(row: UploadRow): string {
  return JSON.stringify(Object.keys(row).sort());
}
