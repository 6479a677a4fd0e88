import type { IndexedIssue, Issue } from "@/lib/records/issues";
import { recordPrefix } from "@/lib/records/messages";

// TimePay names each problem by its record's position: "Record 2: Missing required field 'phone_number'".

/** `invalidRecords` entries: `{ index, id, errors }`. */
export function invalidRecord(record: { index: number; id: string | null; issues: readonly Issue[] }) {
  return { index: record.index, id: record.id, errors: record.issues.map((issue) => recordPrefix(record.index) + issue.message) };
}

/** `results.warnings`: one message per warning. */
export function warningMessages(warnings: readonly IndexedIssue[]): string[] {
  return warnings.map((warning) => recordPrefix(warning.index) + warning.message);
}
