import Link from "next/link";
import { orNotFound, pageContext } from "@/lib/auth/page-context";
import { editorOptions, workflowForEditor, workflowSummaries } from "@/lib/workflows/editor-view";
import { collectionsFollowUp, leadNurture } from "@/lib/workflows/ready-made";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";

// /workflows/new (optionally from a ready-made template) and /workflows/{id}: the step editor
// and its dry run. The editor validates with the definition schema the API and the runner use.

const READY_MADE = {
  collections: { name: "Collections follow-up", description: "Call, retry once after 2 h, remind the day before a promise to pay" },
  "lead-nurture": { name: "Lead nurture", description: "WhatsApp first, a call the next morning, a second call two days later" },
} as const;

export async function NewWorkflowPage({ template }: { template?: string }) {
  const { organization, canWrite } = await pageContext();
  const [options, existing] = await Promise.all([editorOptions(organization.id), workflowSummaries(organization.id)]);
  const agentId = options.agents.find((a) => a.active)?.id ?? "";
  const templateOf = (channel: string) => options.templates.find((t) => t.channel === channel)?.id ?? "";
  const kind = template === "collections" || template === "lead-nurture" ? template : null;
  const steps =
    kind === "collections"
      ? collectionsFollowUp(agentId, templateOf("sms")).steps
      : kind === "lead-nurture"
        ? leadNurture(agentId, templateOf("whatsapp")).steps
        : [{ id: "call1", type: "call", agentId }];
  const base = kind ? READY_MADE[kind] : { name: "New workflow", description: "" };
  const taken = new Set(existing.map((w) => w.name));
  let name = base.name;
  for (let n = 2; taken.has(name); n++) name = `${base.name} ${n}`;
  return (
    <>
      <Header title={kind ? `New workflow from “${base.name}”` : "New workflow"} />
      {canWrite ? (
        <WorkflowEditor
          workflow={{ id: null, name, description: base.description, version: 0, steps, campaigns: [], runs: 0 }}
          options={options}
          canWrite
        />
      ) : (
        <section className="card empty-state">
          <h2>Viewers cannot create workflows</h2>
          <p className="muted">
            <Link href="/workflows">Back to the workflows</Link>
          </p>
        </section>
      )}
    </>
  );
}

export async function WorkflowEditorPage({ id }: { id: string }) {
  const { ctx, organization, canWrite } = await pageContext();
  const workflow = await orNotFound(workflowForEditor(ctx, id));
  const options = await editorOptions(organization.id);
  return (
    <>
      <Header title={workflow.name} />
      <WorkflowEditor key={workflow.version} workflow={workflow} options={options} canWrite={canWrite} />
    </>
  );
}

function Header({ title }: { title: string }) {
  return (
    <header className="page-header">
      <div>
        <div className="breadcrumbs">
          <Link href="/workflows">Workflows</Link> /
        </div>
        <h1>{title}</h1>
      </div>
    </header>
  );
}
