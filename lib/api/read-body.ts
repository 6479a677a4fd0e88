import { ApiError } from "@/lib/api/errors";

// Reads a request body while counting bytes, so an oversized body is refused before it is held
// in memory — also when it is chunked and carries no Content-Length.

export async function readJsonBody(request: Request, maxBytes: number): Promise<{ value: unknown; raw: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const raw = await readLimited(request, maxBytes);
  if (raw.trim() === "") throw new ApiError("bad_request", "Request body is empty; send a JSON document");
  try {
    return { value: JSON.parse(raw), raw };
  } catch (error) {
    throw new ApiError("bad_request", `Malformed JSON: ${(error as Error).message}`);
  }
}

/** The body as text, whatever its content (a signed webhook is verified before it is parsed). */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  return readLimited(request, maxBytes);
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

function tooLarge(maxBytes: number) {
  return new ApiError("payload_too_large", `Request body is larger than ${Math.floor(maxBytes / (1024 * 1024))} MB`);
}
