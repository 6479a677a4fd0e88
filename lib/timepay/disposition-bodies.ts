import { z } from "zod";

// Request bodies and queries of TimePay's dispositions API (§2.5). Messages read
// "<field> <problem>" (fieldIssues), e.g. the documented "priority must be between 0 and 1000".

const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : what) });
const name = z.string(required("must be a string")).trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const description = z.string({ error: "must be a string" }).max(1000, "must be at most 1000 characters");
const priority = z
  .number({ error: "must be an integer between 0 and 1000" })
  .int("must be an integer between 0 and 1000")
  .min(0, "must be between 0 and 1000")
  .max(1000, "must be between 0 and 1000");
const dispositionIds = z
  .array(z.string({ error: "must each be a disposition id (string)" }).trim().min(1, "must each be a disposition id (string)"), {
    error: "must be an array of disposition ids",
  })
  .max(100, "must have at most 100 items");
const OBJECT = { error: "Request body must be a JSON object" };

export const createDispositionBody = z.object({ name, description: description.optional(), priority: priority.optional() }, OBJECT);
export const updateDispositionBody = z
  .object({ name: name.optional(), description: description.optional(), priority: priority.optional() }, OBJECT)
  .strip();
export const createGroupBody = z.object({ name, description: description.optional(), dispositions: dispositionIds.optional() }, OBJECT);
export const updateGroupBody = z
  .object({ name: name.optional(), description: description.optional(), dispositions: dispositionIds.optional() }, OBJECT)
  .strip();

/** Add to / remove from a group. Any problem with the list reads as TimePay's one message. */
export const NON_EMPTY_LIST = "dispositions must be a non-empty array";
export const groupMembersBody = z.object(
  {
    dispositions: z
      .array(z.string().trim().min(1), { error: NON_EMPTY_LIST })
      .min(1, NON_EMPTY_LIST)
      .max(100, "dispositions must have at most 100 items"),
  },
  { error: NON_EMPTY_LIST },
);

const page = z.coerce
  .number({ error: "must be a positive integer" })
  .int("must be a positive integer")
  .min(1, "must be a positive integer")
  .default(1);
const search = z.string().max(200, "must be at most 200 characters").optional();
const expand = z
  .enum(["true", "false"], { error: "must be true or false" })
  .default("false")
  .transform((v) => v === "true");

export const listDispositionsQuery = z.object({ page, search });
export const listGroupsQuery = z.object({ page, search, expand });
export const getGroupQuery = z.object({ expand });

export type CreateDispositionBody = z.output<typeof createDispositionBody>;
export type UpdateDispositionBody = z.output<typeof updateDispositionBody>;
export type CreateGroupBody = z.output<typeof createGroupBody>;
export type UpdateGroupBody = z.output<typeof updateGroupBody>;
