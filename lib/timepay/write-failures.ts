// A bulk answer that reports rows the database failed to write (`WRITE_FAILED`) is not final:
// the routes release its Idempotency-Key, so a retry with the same key writes those rows.
export function hasWriteFailures(body: unknown): boolean {
  const errors = (body as { results?: { errors?: unknown } } | null)?.results?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { error?: unknown } | null)?.error === "WRITE_FAILED");
}
