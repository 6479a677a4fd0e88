import { z } from "zod";

// What the DNC screen sends (app/api/dnc/**): one number, a status change, or a file's numbers.
// A campaign id names a campaign's list; null is the global list (every campaign).

const campaignId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .nullable()
  .meta({ description: "The campaign whose list it is; null for the global list (every campaign)." });
const reason = z.string().trim().max(500, "reason must be at most 500 characters").optional();

export const addDncSchema = z.object({
  number: z
    .string({ error: "number is required" })
    .trim()
    .min(1, "number is required")
    .max(64, "number is not a phone number")
    .meta({ description: "In any format: 98765 43210, +91 98765-43210, 098765 43210." }),
  campaignId,
  reason,
});
export type AddDncInput = z.infer<typeof addDncSchema>;

export const setDncActiveSchema = z.object({
  active: z.boolean().meta({ description: "false removes the number from the list (the entry stays, inactive); true re-activates it." }),
});

/** Most numbers one file may hold (as many as the upload wizard's rows). */
export const MAX_DNC_FILE_ROWS = 100_000;

export const dncFileSchema = z.object({
  campaignId,
  reason,
  numbers: z
    .array(
      z.object({
        row: z.number().int().min(1).max(10_000_000).meta({ description: "The row number in the file, as a spreadsheet app shows it." }),
        value: z.string().max(200).meta({ description: "The phone column's cell, as text." }),
      }),
    )
    .min(1, "numbers must not be empty")
    .max(MAX_DNC_FILE_ROWS, `numbers can hold at most ${MAX_DNC_FILE_ROWS} rows`),
});
export type DncFileInput = z.infer<typeof dncFileSchema>;

export const DNC_PROBLEM_CODES = ["invalid", "duplicate_in_file", "already_listed"] as const;
export type DncProblemCode = (typeof DNC_PROBLEM_CODES)[number];

const page = z.coerce
  .number({ error: "page must be a positive integer" })
  .int("page must be a positive integer")
  .min(1, "page must be a positive integer")
  .max(100_000, "page must be at most 100000")
  .default(1);
const q = z.string().trim().max(100, "q must be at most 100 characters").optional();

/** GET /api/dnc and the screen's URL (?q=&scope=&status=&page=). */
export const dncListQuerySchema = z.object({
  q: q.meta({ description: "A number in any format, part of one, or text of the number as entered." }),
  scope: z.string().trim().min(1).max(100).optional().meta({ description: "`global`, or a campaign id: only that list's entries." }),
  status: z.enum(["active", "inactive"]).optional(),
  page,
});

/** GET /api/dnc/history (?q=&entry=&page=). */
export const dncHistoryQuerySchema = z.object({
  q,
  entry: z.string().trim().min(1).max(100).optional().meta({ description: "One entry's changes (its id)." }),
  page,
});
