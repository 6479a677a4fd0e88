// The settings panels talk to the app's own JSON routes; a failure shows the server's own words.

export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; message: string; errors: string[] };

export async function apiRequest<T>(
  method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE",
  url: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    const error = (json as { error?: { message?: string; errors?: string[] } } | null)?.error;
    return { ok: false, message: error?.message ?? `The server answered ${response.status}`, errors: error?.errors ?? [] };
  } catch {
    return { ok: false, message: "Could not reach the server; check your connection and try again", errors: [] };
  }
}
