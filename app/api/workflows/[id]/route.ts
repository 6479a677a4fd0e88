// PUT /api/workflows/{id} - save the editor's steps as a new version; DELETE - refused while a campaign uses it
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { workflowUpdateSchema } from "@/lib/timepay/workflow-bodies";
import { deleteWorkflow, updateWorkflow } from "@/lib/workflows/workflows";

export const PUT = withApi({ dialect: appDialect, auth: "credential", body: workflowUpdateSchema }, async ({ auth, params, body }) => {
  const workflow = await updateWorkflow(domainContext(auth, "ui"), params.id, {
    name: body.name,
    description: body.description,
    definition: body.steps && { steps: body.steps },
  });
  return { status: 200, body: { workflow: { id: workflow.id, name: workflow.name, version: workflow.latestVersion } } };
});

export const DELETE = withApi({ dialect: appDialect, auth: "credential" }, async ({ auth, params }) => {
  await deleteWorkflow(domainContext(auth, "ui"), params.id);
  return { status: 200, body: { deleted: params.id } };
});
