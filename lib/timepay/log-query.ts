import { z } from "zod";
import { LOG_STATUSES } from "@/lib/calls/call-log";
import { normalizePhone } from "@/lib/records/phone";

// The query of GET /api/v1/logs (§2.6). Times without a zone are India Standard Time, as
// TimePay's own logs are; an explicit zone (Z, +05:30) is honoured. Unknown parameters and values
// of the wrong type are refused with one message each.

const IST_OFFSET = "+05:30";
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME_HINT = "must be an ISO 8601 date-time, e.g. 2026-01-17T00:00:00";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const caseless = <T extends readonly string[]>(values: T) =>
  z.string().transform((v, ctx) => {
    const match = values.find((x) => x.toLowerCase() === v.trim().toLowerCase());
    if (!match) ctx.addIssue({ code: "custom", message: `must be one of ${values.join(", ")}` });
    return match as T[number];
  });
const phone = z.string().transform((v, ctx) => {
  const parsed = normalizePhone(v, { defaultCountry: "IN", mobileOnly: false });
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: `must be a phone number (${parsed.message})` });
  return parsed.ok ? parsed.e164 : "";
});
const time = (edge: "start" | "end") =>
  z.string().transform((v, ctx) => {
    const at = parseTime(v.trim(), edge);
    if (!at) ctx.addIssue({ code: "custom", message: TIME_HINT });
    return at ?? new Date(NaN);
  });

export const logsQuery = z
  .strictObject(
    {
      type: caseless(["call", "whatsapp"] as const).optional(),
      status: caseless(LOG_STATUSES).optional(),
      disposition: text(200).optional(),
      from_phone: phone.optional(),
      phone: phone.optional(),
      campaign_id: text(64).optional(),
      agent_id: text(64).optional(),
      start_time: time("start").optional(),
      end_time: time("end").optional(),
      page: z.coerce
        .number({ error: "must be a positive integer" })
        .int("must be a positive integer")
        .min(1, "must be a positive integer")
        .default(1),
      count_only: z
        .enum(["true", "false"], { error: "must be true or false" })
        .default("false")
        .transform((v) => v === "true"),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter(s): ${issue.keys.join(", ")}` : undefined) },
  )
  .superRefine((q, ctx) => {
    if (q.start_time && q.end_time && !Number.isNaN(q.start_time.getTime()) && q.end_time < q.start_time) {
      ctx.addIssue({ code: "custom", path: ["end_time"], message: "must not be before start_time" });
    }
  });

export type LogsQuery = z.output<typeof logsQuery>;

/** A date-only value covers its whole day: 00:00:00 for start_time, 23:59:59.999 for end_time. */
function parseTime(value: string, edge: "start" | "end"): Date | null {
  let iso: string;
  if (DATE_ONLY.test(value)) iso = `${value}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}${IST_OFFSET}`;
  else if (DATE_TIME.test(value)) iso = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}${IST_OFFSET}`;
  else return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  // Reject rolled-over dates such as 2026-02-30 (JavaScript would move them to March).
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? at : null;
}
