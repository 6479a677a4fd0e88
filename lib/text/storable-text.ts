// Text Postgres refuses: NUL (U+0000) cannot be stored in text or jsonb, and an unpaired UTF-16
// surrogate (\ud800) has no UTF-8 encoding. Boundaries refuse it; what must still be kept (a
// rejected value quoted in a row's error message) is stored with U+FFFD in its place.

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for
const MAYBE_UNSTORABLE = /[\u0000\ud800-\udfff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for
const UNSTORABLE_ALL = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What is wrong with `text` for storage, or null when Postgres takes it. */
export function unstorableReason(text: string): string | null {
  // Most text has neither NUL nor any surrogate: a plain scan answers it without the lookarounds.
  if (!MAYBE_UNSTORABLE.test(text)) return null;
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === "\u0000" ? "must not contain the NUL character (\\u0000)" : "must not contain an unpaired UTF-16 surrogate";
}

/** `text` with every NUL and unpaired surrogate replaced by U+FFFD. */
export function storableText(text: string): string {
  return MAYBE_UNSTORABLE.test(text) && UNSTORABLE.test(text) ? text.replace(UNSTORABLE_ALL, "\ufffd") : text;
}

/** A JSON value with storableText applied to every string and key (iterative: any depth). */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (typeof value !== "object" || value === null) return value;
  const root: unknown = Array.isArray(value) ? [] : {};
  const stack: [unknown, Record<string, unknown> | unknown[]][] = [[value, root as Record<string, unknown>]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const [key, item] of Object.entries(from as object)) {
      let copy: unknown = item;
      if (typeof item === "string") copy = storableText(item);
      else if (typeof item === "object" && item !== null) {
        copy = Array.isArray(item) ? [] : {};
        stack.push([item, copy as Record<string, unknown>]);
      }
      if (Array.isArray(to)) to[Number(key)] = copy;
      else Object.defineProperty(to, storableText(key), { value: copy, enumerable: true, writable: true, configurable: true });
    }
  }
  return root as T;
}

/** A value quoted in a message, cut to `max` characters so a 1 MB value is not echoed whole. */
export function quoteValue(text: string, max = 64): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}… (${chars.length} characters)`;
}
