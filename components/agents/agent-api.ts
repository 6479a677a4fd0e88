import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

// Writes of the agents screen to the app's /api/agents routes. Validation errors read
// "<field>: <problem>" and land on their field; a taken username on the username field. Answers
// null when saved, else the server's message.

export async function sendAgent<T extends FieldValues>(
  method: "POST" | "PATCH",
  url: string,
  body: unknown,
  setError?: UseFormSetError<T>,
): Promise<string | null> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).catch(
    () => null,
  );
  if (response?.ok) return null;
  const json = (await response?.json().catch(() => null)) as { error?: { message?: string; errors?: string[] } } | null;
  const message =
    json?.error?.message ??
    (response ? `The server answered ${response.status}` : "Could not reach the server; check your connection and try again");
  if (!setError) return message;
  if (response?.status === 409) setError("username" as Path<T>, { type: "server", message });
  for (const line of json?.error?.errors ?? []) {
    const at = line.indexOf(": ");
    if (at > 0) setError(line.slice(0, at) as Path<T>, { type: "server", message: line.slice(at + 2) });
  }
  setError("root" as Path<T>, { type: "server", message });
  return message;
}
