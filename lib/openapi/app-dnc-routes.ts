import { z } from "zod";
import {
  addDncSchema,
  DNC_PROBLEM_CODES,
  dncFileSchema,
  dncHistoryQuerySchema,
  dncListQuerySchema,
  setDncActiveSchema,
} from "@/lib/dnc/dnc-input";
import { appErrorSchema } from "./app-routes";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The DNC screen's routes (app's error shape). Answers are built in lib/dnc (dates as ISO strings).

const int = z.number().int();
const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After)."),
  500: error("Anything unexpected."),
};
const bodyErrors = { 400: error("Invalid body."), 413: error("Body too large."), 415: error("Not JSON.") };
const write = { 403: error("Viewers cannot change the Do-Not-Call list.") };
const action = z.enum(["added", "deactivated", "reactivated", "deleted"]);
const status = z.enum(["active", "inactive"]);

const entry = z.object({
  id: z.string(),
  phoneRaw: z.string().meta({ description: "The number as it was entered." }),
  phoneE164: z.string(),
  campaignId: z.string().nullable().meta({ description: "null: the global list (every campaign)." }),
  campaignName: z.string().nullable(),
  status,
  reason: z.string().nullable(),
  createdAt: z.string(),
  addedBy: z.string().nullable().meta({ description: "Who added it (null for entries older than the history)." }),
  lastChange: z
    .object({ action, actor: z.string(), at: z.string() })
    .nullable()
    .meta({ description: "The latest removal or re-activation." }),
});
const page = { page: int, pageSize: int, total: int };
const listAnswer = z.object({ ...page, rows: z.array(entry) }).meta({ id: "DncList" });
const event = z.object({
  id: z.string(),
  entryId: z.string(),
  phoneRaw: z.string(),
  phoneE164: z.string(),
  campaignName: z.string().nullable(),
  global: z.boolean(),
  action,
  reason: z.string().nullable(),
  source: z.string().meta({ description: "Which door: ui, flexydial_api, ..." }),
  actor: z.string().meta({ description: "Who: a user's name or an API key's name." }),
  createdAt: z.string(),
});
const historyAnswer = z.object({ ...page, rows: z.array(event) }).meta({ id: "DncHistory" });
const added = z
  .object({ entry: z.object({ id: z.string(), phoneE164: z.string(), phoneRaw: z.string(), campaignId: z.string().nullable(), status }) })
  .meta({ id: "DncAdded" });
const changed = z.object({ entry: z.object({ id: z.string(), status, changed: z.boolean() }) }).meta({ id: "DncStatusChanged" });
const checkAnswer = z
  .object({
    counts: z.object({ rows: int, toAdd: int, toReactivate: int, invalid: int, duplicateInFile: int, alreadyListed: int }),
    problems: z
      .array(z.object({ row: int, value: z.string(), code: z.enum(DNC_PROBLEM_CODES), message: z.string() }))
      .meta({ description: "The first 1,000 rows with a problem, by row." }),
  })
  .meta({ id: "DncFileCheck" });
const importAnswer = z
  .object({ imported: z.object({ rows: int, added: int, reactivated: int, invalid: int, duplicateInFile: int, alreadyListed: int }) })
  .meta({ id: "DncFileImport" });
const campaignNotFound = error("No such campaign in this organization.");

export const appDncRoutes: RouteDoc[] = [
  {
    method: "get",
    path: "/api/dnc",
    family: "App",
    summary: "The Do-Not-Call list, newest first: search a number in any format, filter by scope and status",
    query: dncListQuerySchema,
    responses: { 200: { description: "One page of entries.", schema: listAnswer }, 400: error("Invalid query."), ...common },
  },
  {
    method: "post",
    path: "/api/dnc",
    family: "App",
    summary: "Add one number to the global list or a campaign's",
    body: addDncSchema,
    bodyExample: { number: "98765 43210", campaignId: null, reason: "Asked not to be called" },
    responses: {
      201: { description: "The entry.", schema: added },
      ...bodyErrors,
      400: error("Invalid body, or not a valid phone number (errors name the field)."),
      ...write,
      404: campaignNotFound,
      409: error("The number is already on that list (active, or removed: re-activate it)."),
      ...common,
    },
  },
  {
    method: "patch",
    path: "/api/dnc/{id}",
    family: "App",
    summary: "Remove a number from the list (it stays, inactive, with its history) or re-activate it",
    params: z.object({ id: z.string().meta({ description: "The DNC entry id." }) }),
    body: setDncActiveSchema,
    responses: {
      200: { description: "The entry's status.", schema: changed },
      ...bodyErrors,
      ...write,
      404: error("No such entry."),
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/dnc/check",
    family: "App",
    summary: "What importing a file's numbers would do: each row's problem and the counts; writes nothing",
    body: dncFileSchema,
    responses: {
      200: { description: "Counts and problems.", schema: checkAnswer },
      ...bodyErrors,
      ...write,
      404: campaignNotFound,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/dnc/import",
    family: "App",
    summary: "Add every valid number of a file in one transaction (removed ones are re-activated); rows with a problem are skipped",
    body: dncFileSchema,
    responses: { 200: { description: "What was done.", schema: importAnswer }, ...bodyErrors, ...write, 404: campaignNotFound, ...common },
  },
  {
    method: "get",
    path: "/api/dnc/history",
    family: "App",
    summary: "Changes to the Do-Not-Call list, newest first, through every door (this screen, contacts, Flexydial)",
    query: dncHistoryQuerySchema,
    responses: { 200: { description: "One page of changes.", schema: historyAnswer }, 400: error("Invalid query."), ...common },
  },
];
