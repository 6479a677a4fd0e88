// The DNC screen's calls to /api/dnc/**. Answers the parsed body, or the server's message and its
// "<field>: <problem>" errors.

export type Sent<T> = { ok: true; body: T } | { ok: false; message: string; errors: string[]; status: number };

export async function sendDnc<T>(method: "POST" | "PATCH", url: string, body: unknown): Promise<Sent<T>> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).catch(
    () => null,
  );
  if (!response) return { ok: false, message: "Could not reach the server; check your connection and try again", errors: [], status: 0 };
  const json = (await response.json().catch(() => null)) as (T & { error?: { message?: string; errors?: string[] } }) | null;
  if (response.ok && json) return { ok: true, body: json };
  return {
    ok: false,
    message: json?.error?.message ?? `The server answered ${response.status}`,
    errors: json?.error?.errors ?? [],
    status: response.status,
  };
}

/** "number: is already on the global list" → ["number", "is already …"]; null when it names no field. */
export function fieldOf(line: string): [string, string] | null {
  const at = line.indexOf(": ");
  return at > 0 ? [line.slice(0, at), line.slice(at + 2)] : null;
}
