// GET /api/v1/workflows - list the organization's workflows; POST - create one (version 1)
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { parseQuery } from "@/lib/timepay/parse-query";
import { createWorkflowAnswer, listWorkflowsAnswer } from "@/lib/timepay/workflows";
import { listQuerySchema, workflowBodySchema } from "@/lib/timepay/workflow-bodies";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, query }) =>
  listWorkflowsAnswer(timepayContext(auth), parseQuery(listQuerySchema, query)),
);

export const POST = withApi(
  { dialect: timepayDialect, auth: "credential", body: workflowBodySchema, idempotent: true, formatIssues: fieldIssues },
  async ({ auth, body }) => createWorkflowAnswer(timepayContext(auth), body),
);
