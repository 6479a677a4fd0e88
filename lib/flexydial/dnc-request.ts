import type { DncRemoveItem, DncUploadItem } from "@/lib/dnc/dnc-entries";
import { dncError } from "./dialect";
import { dncMessages as m } from "./messages";

// The bodies of POST /api/upload-dnc/ and /api/remove-dnc/: a top-level JSON array (§1.11).
// Pure structure checks; numbers are normalised once the campaign (and so its country) is known.

export function parseDncUpload(body: unknown): DncUploadItem[] {
  return items(body).map((item, index) => {
    const numeric = numericOf(item, index);
    const campaign = campaignOf(item, index);
    const global = globalOf(item.global_dnc, index) ?? campaign === null;
    // `global_dnc` decides; a campaign name next to "true" is ignored (lenient reading).
    if (!global && campaign === null) throw dncError(m.campaignRequired(index));
    return { index, numeric, campaign: global ? null : campaign, status: statusOf(item.status, index) };
  });
}

export function parseDncRemove(body: unknown): DncRemoveItem[] {
  return items(body).map((item, index) => ({
    index,
    numeric: numericOf(item, index),
    campaign: Object.hasOwn(item, "campaign") ? campaignOf(item, index) : undefined,
  }));
}

function items(body: unknown): Record<string, unknown>[] {
  if (!Array.isArray(body)) throw dncError(m.notArray);
  if (body.length === 0) throw dncError(m.empty);
  body.forEach((item, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw dncError(m.itemNotObject(index));
  });
  return body as Record<string, unknown>[];
}

function numericOf(item: Record<string, unknown>, index: number): string {
  const value = item.numeric;
  const text = typeof value === "string" ? value.trim() : typeof value === "number" && Number.isFinite(value) ? String(value) : "";
  if (text === "") throw dncError(m.numericMissing(index));
  return text;
}

function campaignOf(item: Record<string, unknown>, index: number): string | null {
  const value = item.campaign ?? "";
  if (typeof value !== "string") throw dncError(m.campaignText(index));
  return value.trim() === "" ? null : value.trim();
}

// The documents send the strings "true"/"false"; JSON booleans are accepted too.
function globalOf(value: unknown, index: number): boolean | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const text = String(value).trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw dncError(m.globalDnc(index));
}

function statusOf(value: unknown, index: number): "active" | "inactive" {
  if (value === undefined || value === null || value === "") return "active";
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "active" || text === "inactive") return text;
  throw dncError(m.status(index));
}
