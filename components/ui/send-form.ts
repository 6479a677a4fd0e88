import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

// Forms that write through TimePay's routes (campaigns, dispositions; signed-in session). Their
// validation errors read "<field> <problem>" ("endDate must not be before startDate"); each is put
// on its field, anything else shows above the buttons.

type CampaignAnswer = { ok: true; id: string } | { ok: false };

export async function sendForm<T extends FieldValues>(
  method: "POST" | "PUT" | "DELETE",
  url: string,
  body: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
  /** A 404 about something the form chose (a workflow of the organization, deleted meanwhile) lands at that field. */
  notFound?: { message: string; field: string; says: string },
): Promise<CampaignAnswer> {
  let response: Response;
  try {
    response = await fetch(
      url,
      body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    );
  } catch {
    setError("root" as Path<T>, { message: "Could not reach the server; check your connection and try again" });
    return { ok: false };
  }
  const json = (await response.json().catch(() => null)) as { data?: { id?: string }; message?: string; errors?: string[] } | null;
  if (response.ok) return { ok: true, id: json?.data?.id ?? "" };
  if (response.status === 409 && /name/.test(json?.message ?? "")) {
    setError("name" as Path<T>, { message: json?.message ?? "is taken" });
    return { ok: false };
  }
  if (response.status === 404 && notFound && json?.message === notFound.message) {
    setError(notFound.field as Path<T>, { type: "server", message: notFound.says });
    return { ok: false };
  }
  const unplaced: string[] = [];
  for (const message of json?.errors ?? []) {
    const [path, ...rest] = message.split(" ");
    if (fields.includes(path.split(".")[0]) && rest.length > 0) setError(path as Path<T>, { type: "server", message: rest.join(" ") });
    else unplaced.push(message);
  }
  const summary = json?.message ?? `The server answered ${response.status}`;
  setError("root" as Path<T>, { type: "server", message: unplaced.length > 0 ? `${summary}: ${unplaced.join("; ")}` : summary });
  return { ok: false };
}
