// GET /api/v1/workflows/{id} - one workflow with its versions; PUT - edit (a new version); DELETE - refused while a campaign uses it
import { withApi } from "@/lib/api/with-api";
import { timepayContext } from "@/lib/timepay/context";
import { timepayDialect } from "@/lib/timepay/dialect";
import { fieldIssues } from "@/lib/timepay/field-issues";
import { deleteWorkflowAnswer, getWorkflowAnswer, updateWorkflowAnswer } from "@/lib/timepay/workflows";
import { workflowUpdateSchema } from "@/lib/timepay/workflow-bodies";

export const GET = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  getWorkflowAnswer(timepayContext(auth), params.id),
);

export const PUT = withApi(
  { dialect: timepayDialect, auth: "credential", body: workflowUpdateSchema, formatIssues: fieldIssues },
  async ({ auth, params, body }) => updateWorkflowAnswer(timepayContext(auth), params.id, body),
);

export const DELETE = withApi({ dialect: timepayDialect, auth: "credential" }, async ({ auth, params }) =>
  deleteWorkflowAnswer(timepayContext(auth), params.id),
);
