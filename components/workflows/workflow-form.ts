import { z } from "zod";
import { definitionSchema, type WorkflowStep } from "@/lib/workflows/definition";
import { workflowBodySchema } from "@/lib/timepay/workflow-bodies";
import type { EditorOptions, EditorWorkflow } from "@/lib/workflows/editor-view";

// The editor's form: the workflow's name and description as the API takes them, and its steps
// under `definition` checked by the shared definition schema (the API's and the runner's), so an
// inline error reads exactly as the API would refuse it.

export const workflowFormSchema = z.object({
  name: workflowBodySchema.shape.name,
  description: z.string().max(2000),
  definition: definitionSchema,
});
export type FormInput = z.input<typeof workflowFormSchema>;
export type FormOutput = z.output<typeof workflowFormSchema>;
export type StepInput = FormInput["definition"]["steps"][number];
export type StepType = WorkflowStep["type"];
export type { EditorOptions, EditorWorkflow };

export const STEP_TYPES: { type: StepType; label: string }[] = [
  { type: "call", label: "Call" },
  { type: "sms", label: "SMS" },
  { type: "whatsapp", label: "WhatsApp" },
  { type: "wait", label: "Wait" },
  { type: "branch", label: "Branch" },
  { type: "update", label: "Update a field" },
  { type: "stop", label: "Stop" },
];
export const typeLabel = (type: string) => STEP_TYPES.find((t) => t.type === type)?.label ?? type;

/** A new step of `type` with an id not yet used, filled with the first choices the organization has. */
export function newStep(type: StepType, taken: string[], options: EditorOptions): StepInput {
  let n = 1;
  while (taken.includes(`${type}${n}`)) n++;
  const id = `${type}${n}`;
  const firstStep = taken[0] ?? id;
  switch (type) {
    case "call":
      return { id, type, agentId: options.agents.find((a) => a.active)?.id ?? "" };
    case "sms":
    case "whatsapp":
      return { id, type, templateId: options.templates.find((t) => t.channel === type)?.id ?? "" };
    case "wait":
      return { id, type, minutes: 120 };
    case "branch":
      return { id, type, rules: [{ when: { status: "Contacted" }, goto: firstStep }] };
    case "update":
      return { id, type, field: "", value: "" };
    case "stop":
      return { id, type, outcome: "" };
  }
}

/** Steps as stored (from the API or a ready-made template) in the form's shape. */
export function toFormSteps(steps: unknown[]): StepInput[] {
  return steps as StepInput[];
}

/** "steps[2] (\"call1\"): agent …" and "steps[2].templateId: …" lines → the form path they concern. */
export function serverIssuePath(line: string): { path: string; message: string } | null {
  const match = /^steps\[(\d+)\](?:\.([\w.[\]]+))?(?: \("[^"]*"\))?: (.*)$/.exec(line);
  if (!match) return null;
  const [, index, sub, message] = match;
  const field = sub
    ? sub.replace(/\[(\d+)\]/g, ".$1")
    : /^agent /.test(message)
      ? "agentId"
      : /^template /.test(message)
        ? "templateId"
        : /^disposition "/.test(message)
          ? "dispositionId"
          : null;
  return { path: `definition.steps.${index}${field ? `.${field}` : ""}`, message };
}
