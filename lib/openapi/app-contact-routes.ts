import { z } from "zod";
import { editCustomerSchema } from "@/lib/customers/edit-customer";
import { jobOutcomeSchema } from "@/lib/upload-jobs/job-outcome";
import { appErrorSchema } from "./app-routes";
import type { ResponseDoc, RouteDoc } from "./route-doc";

// The contacts and upload-job screens' routes (app's error shape). Their answers are built in
// lib/customers and lib/upload-jobs; the schemas below follow those builders (dates as ISO strings).

const int = z.number().int();
const error = (description: string): ResponseDoc => ({ description, schema: appErrorSchema });
const common: Record<number, ResponseDoc> = {
  401: error("Not signed in and no API key."),
  429: error("Too many requests for this API key (Retry-After)."),
  500: error("Anything unexpected."),
};
const write: Record<number, ResponseDoc> = { 403: error("Viewers may not change contacts or jobs.") };
const ok = (description: string, schema: z.ZodType): ResponseDoc => ({ description, schema });
const contactParams = z.object({
  id: z.string().meta({ description: "The campaign id." }),
  contactId: z.string().meta({ description: "The contact (customer) id." }),
});
const campaignParams = z.object({ id: z.string().meta({ description: "The campaign id." }) });
const jobParams = z.object({ jobId: z.string().meta({ description: "The upload job's id." }) });
const notFound = error("No such campaign or contact in this organization.");
const jobNotFound = error("No such upload job in this organization.");
const dncState = z.object({ scope: z.enum(["global", "campaign"]), status: z.enum(["active", "inactive"]), createdAt: z.string() });
const contactsQuery = z.object({
  q: z.string().optional().meta({ description: "Phone in any format, identifier, or the start of a name." }),
  assignee: z.string().optional(),
  job: z.string().optional().meta({ description: "Only contacts added by this upload job." }),
  dnc: z.string().optional(),
  sort: z.string().optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.string().optional(),
});

const contactRow = z
  .object({
    id: z.string(),
    identifier: z.string(),
    phoneRaw: z.string(),
    phoneE164: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    assignedTo: z.string().nullable(),
    status: z.string(),
    uploadJobId: z.string().nullable(),
    createdAt: z.string(),
    dnc: z.enum(["global", "campaign"]).nullable(),
  })
  .meta({ id: "ContactRow" });
const contactPage = z
  .object({ rows: z.array(contactRow), total: int, capped: z.boolean(), page: int, pageSize: int })
  .meta({ id: "ContactPage" });
const contactDetail = z
  .object({
    customer: z.object({
      id: z.string(),
      identifier: z.string(),
      phoneRaw: z.string(),
      phoneE164: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      assignedTo: z.string().nullable(),
      status: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    fields: z.array(z.looseObject({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean(), value: z.unknown() })),
    dnc: z.array(dncState),
    uploadJob: z.looseObject({ id: z.string() }).nullable(),
  })
  .meta({ id: "ContactDetail" });
const jobCounts = z.object({ received: int, added: int, duplicates: int, invalid: int, failed: int, notSent: int });
const undoResult = z
  .object({ removed: int, kept: z.array(z.object({ id: z.string(), identifier: z.string(), reason: z.string() })), keptTotal: int })
  .meta({ id: "UndoResult" });
const jobDetail = z
  .object({
    id: z.string(),
    campaign: z.object({ id: z.string(), name: z.string() }),
    source: z.string(),
    action: z.string(),
    status: z.string(),
    outcome: jobOutcomeSchema,
    counts: jobCounts,
    progress: int,
    processed: int,
    reference: z.string().nullable(),
    fileName: z.string().nullable(),
    errorMessage: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    sentBy: z.string().nullable(),
    undo: z.object({ at: z.string(), by: z.string().nullable(), result: undoResult.nullable() }).nullable(),
  })
  .meta({ id: "UploadJobDetail" });
const problemKind = z.enum(["invalid", "duplicate", "dnc", "failed"]);
const jobProblems = z
  .object({
    rows: z.array(
      z.object({
        index: int,
        id: z.string().nullable(),
        errors: z.array(z.string()),
        row: z.record(z.string(), z.unknown()).nullable(),
        kind: problemKind,
      }),
    ),
    counts: z.object({ invalid: int, duplicate: int, dnc: int, failed: int }),
    total: int,
    pageSize: int,
  })
  .meta({ id: "UploadJobProblems" });
const file = (description: string, contentType: string): ResponseDoc => ({
  description,
  schema: z.string().meta({ format: "binary" }),
  contentType,
});

export const appContactRoutes: RouteDoc[] = [
  {
    method: "get",
    path: "/api/campaigns/{id}/contacts",
    family: "App",
    summary: "One page of a campaign's contacts, searched, filtered and sorted",
    params: campaignParams,
    query: contactsQuery,
    responses: { 200: ok("The page; a filtered count stops at a cap (capped).", contactPage), 404: error("No such campaign."), ...common },
  },
  {
    method: "get",
    path: "/api/campaigns/{id}/contacts/export",
    family: "App",
    summary: "The filtered contacts as a formula-safe CSV or XLSX file",
    params: campaignParams,
    query: contactsQuery.extend({ format: z.enum(["csv", "xlsx"]).optional() }),
    responses: {
      200: file("The file, as an attachment (text/csv, or the XLSX media type with format=xlsx).", "text/csv"),
      400: error("A query or path value Postgres cannot store (NUL, a lone surrogate)."),
      404: error("No such campaign."),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/campaigns/{id}/contacts/{contactId}",
    family: "App",
    summary: "One contact: its fields, DNC state and the upload that added it",
    params: contactParams,
    responses: { 200: ok("The contact.", contactDetail), 404: notFound, ...common },
  },
  {
    method: "patch",
    path: "/api/campaigns/{id}/contacts/{contactId}",
    family: "App",
    summary: "Edit a contact (validated by the same core as every upload)",
    params: contactParams,
    body: editCustomerSchema,
    responses: {
      200: ok("Saved.", z.object({ id: z.string() })),
      400: error("Invalid body, or the edited record fails validation (errors)."),
      ...write,
      404: notFound,
      409: error("The change conflicts with another contact (a duplicate)."),
      413: error("Body too large."),
      415: error("Not JSON."),
      ...common,
    },
  },
  {
    method: "delete",
    path: "/api/campaigns/{id}/contacts/{contactId}",
    family: "App",
    summary: "Delete a contact and its call history",
    params: contactParams,
    responses: {
      200: ok("Deleted.", z.object({ deleted: z.object({ id: z.string(), identifier: z.string() }) })),
      ...write,
      404: notFound,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/campaigns/{id}/contacts/{contactId}/dnc",
    family: "App",
    summary: "Put the contact's number on the DNC list, for this campaign or globally",
    params: contactParams,
    body: z.object({ scope: z.enum(["campaign", "global"]) }),
    responses: {
      200: ok("Already on that list.", z.object({ scope: z.enum(["campaign", "global"]), created: z.literal(false) })),
      201: ok("Added.", z.object({ scope: z.enum(["campaign", "global"]), created: z.literal(true) })),
      400: error("Invalid body."),
      ...write,
      404: notFound,
      413: error("Body too large."),
      415: error("Not JSON."),
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/upload-jobs/{jobId}",
    family: "App",
    summary: "An upload job's source, counts, progress and undo",
    params: jobParams,
    responses: {
      200: ok("The job (received = added + duplicates + invalid + failed + not sent).", jobDetail),
      404: jobNotFound,
      ...common,
    },
  },
  {
    method: "get",
    path: "/api/upload-jobs/{jobId}/problems",
    family: "App",
    summary: "The rows an upload did not add, with their reasons, 100 a page",
    params: jobParams,
    query: z.object({ problem: problemKind.optional(), page: z.string().optional() }),
    responses: { 200: ok("A page of problem rows and the counts by kind.", jobProblems), 404: jobNotFound, ...common },
  },
  {
    method: "get",
    path: "/api/upload-jobs/{jobId}/report",
    family: "App",
    summary: "The rows not added as a formula-safe CSV with their original columns",
    params: jobParams,
    query: z.object({ problem: problemKind.optional() }),
    responses: {
      200: file("The report, as an attachment.", "text/csv"),
      400: error("A query or path value Postgres cannot store (NUL, a lone surrogate)."),
      404: jobNotFound,
      ...common,
    },
  },
  {
    method: "post",
    path: "/api/upload-jobs/{jobId}/undo",
    family: "App",
    summary: "Remove the contacts this upload created that have no calls; say what was kept and why",
    params: jobParams,
    responses: {
      200: ok("Undone.", undoResult),
      ...write,
      404: jobNotFound,
      409: error("The job cannot be undone (running, already undone), or a request with this Idempotency-Key is in progress."),
      422: error("The Idempotency-Key was already used with a different request."),
      ...common,
    },
  },
];
