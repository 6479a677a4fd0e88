// POST /api/workflows - create a workflow, version 1 (workflows screen)
import { appDialect } from "@/lib/api/app-dialect";
import { domainContext } from "@/lib/api/domain-context";
import { withApi } from "@/lib/api/with-api";
import { workflowBodySchema } from "@/lib/timepay/workflow-bodies";
import { createWorkflow } from "@/lib/workflows/workflows";

export const POST = withApi({ dialect: appDialect, auth: "credential", body: workflowBodySchema }, async ({ auth, body }) => {
  const workflow = await createWorkflow(domainContext(auth, "ui"), {
    name: body.name,
    description: body.description,
    definition: { steps: body.steps },
  });
  return { status: 201, body: { workflow: { id: workflow.id, name: workflow.name, version: workflow.latestVersion } } };
});
