import type { FieldSchema } from "@/lib/campaigns/field-schema";
import type { ValidRecord } from "@/lib/records/validate-records";

// How a validated record maps onto the customers table and back. The identifier, the phone (as
// entered and as E.164), the names, the language and the allocated agent have columns; every
// other field of the record is kept in `data` under its schema key.

/** Record keys with a column of their own on customers (TimePay's names; custom schemas have none). */
const FIRST_NAME = "first_name";
const LAST_NAME = "last_name";
const LANGUAGE = "language";

/** Column values of many records, one array per column: the parameters of an unnest() insert. */
export interface CustomerColumnArrays {
  identifier: string[];
  phoneRaw: string[];
  phoneE164: string[];
  firstName: (string | null)[];
  lastName: (string | null)[];
  language: (string | null)[];
  assignedTo: (string | null)[];
  /** JSON text of each record's remaining fields. */
  data: string[];
}

/** A stored customer as read back for an update. */
export interface StoredCustomer {
  id: string;
  identifier: string;
  phoneRaw: string;
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
  assignedTo: string | null;
  data: Record<string, unknown>;
}

export function emptyColumns(): CustomerColumnArrays {
  return { identifier: [], phoneRaw: [], phoneE164: [], firstName: [], lastName: [], language: [], assignedTo: [], data: [] };
}

/** Appends one validated record to the column arrays. */
export function pushColumns(columns: CustomerColumnArrays, record: ValidRecord, schema: FieldSchema) {
  const values = record.values;
  const data: Record<string, unknown> = {};
  for (const key in values) {
    if (!isColumnKey(key, schema)) data[key] = values[key];
  }
  columns.identifier.push(record.id);
  columns.phoneRaw.push(record.phoneRaw);
  columns.phoneE164.push(record.phoneE164);
  columns.firstName.push(text(values[FIRST_NAME]));
  columns.lastName.push(text(values[LAST_NAME]));
  columns.language.push(text(values[LANGUAGE]));
  columns.assignedTo.push(record.agent);
  columns.data.push(JSON.stringify(data));
}

/** The record as a client would send it: what an update merges its changes into. */
export function storedRecord(customer: StoredCustomer, schema: FieldSchema): Record<string, unknown> {
  // Spread, not Object.assign: a stored "__proto__" key stays an own property.
  const record: Record<string, unknown> = { ...customer.data };
  if (schema.identifierKey !== null) record[schema.identifierKey] = customer.identifier;
  record[schema.phoneKey] = customer.phoneRaw;
  if (customer.firstName !== null) record[FIRST_NAME] = customer.firstName;
  if (customer.lastName !== null) record[LAST_NAME] = customer.lastName;
  if (customer.language !== null) record[LANGUAGE] = customer.language;
  if (schema.agentKey !== null && customer.assignedTo !== null) record[schema.agentKey] = customer.assignedTo;
  return record;
}

function isColumnKey(key: string, schema: FieldSchema): boolean {
  return (
    key === schema.identifierKey ||
    key === schema.phoneKey ||
    key === schema.agentKey ||
    key === FIRST_NAME ||
    key === LAST_NAME ||
    key === LANGUAGE
  );
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
