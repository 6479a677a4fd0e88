import { contractError } from "@/lib/api/errors";
import { DispositionInUse, UnknownDispositions } from "@/lib/dispositions/errors";

// The two disposition rules TimePay answers with bodies of their own (§2.5). Every other domain
// error is written by timepayDialect (404 `{success, message}`, 409, 400 with `errors`).

export async function inTimepayTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DispositionInUse) throw contractError(400, { success: false, message: `Cannot delete: ${error.message}` });
    if (error instanceof UnknownDispositions)
      throw contractError(400, { success: false, message: "Invalid disposition IDs", invalidIds: error.ids });
    throw error;
  }
}
