import { z } from "zod";

// A workflow definition: the one schema the API, the editor and the runner use. Steps run in
// array order; `next` (or a branch's `goto`) jumps to a step by id. References to agents,
// templates and steps are checked against the organization by checkReferences
// (lib/workflows/check-references.ts) before a version is written.

const stepId = z
  .string()
  .trim()
  .min(1, "step id is required")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "step id may hold letters, digits, - and _ only");
const base = { id: stepId, next: stepId.optional() };
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time of day must be HH:MM (24 h)");

export const callStepSchema = z.object({
  ...base,
  type: z.literal("call"),
  agentId: z.string().min(1),
  dispositionId: z.string().min(1).nullable().optional(),
});
export const messageStepSchema = z.object({ ...base, type: z.enum(["sms", "whatsapp"]), templateId: z.string().min(1) });

export const waitStepSchema = z
  .object({
    ...base,
    type: z.literal("wait"),
    /** A duration. */
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 366)
      .optional(),
    /** The next occurrence of this local time (campaign time zone). */
    untilTime: timeOfDay.optional(),
    /** A date (YYYY-MM-DD) from a customer field or the last call's extracted data, shifted by offsetDays, at atTime. */
    untilField: z
      .object({
        field: z.string().min(1).max(100),
        offsetDays: z.number().int().min(-366).max(366).default(0),
        atTime: timeOfDay.default("10:00"),
      })
      .optional(),
  })
  .refine((s) => [s.minutes, s.untilTime, s.untilField].filter((v) => v !== undefined).length === 1, {
    message: "a wait step needs exactly one of minutes, untilTime, untilField",
  });

export const branchConditionSchema = z.union([
  z.object({ status: z.enum(["Contacted", "No Contact", "Failed", "Blocked", "None"]) }),
  z.object({ disposition: z.string().min(1) }),
  z.object({ dispositionGroup: z.string().min(1) }),
  z.object({ extracted: z.string().min(1), equals: z.string().optional() }),
]);
export const branchStepSchema = z.object({
  ...base,
  type: z.literal("branch"),
  rules: z.array(z.object({ when: branchConditionSchema, goto: stepId })).min(1, "a branch needs at least one rule"),
  /** Where to go when no rule matches (default: the next step). */
  otherwise: stepId.optional(),
});

export const updateStepSchema = z
  .object({
    ...base,
    type: z.literal("update"),
    field: z.string().min(1).max(100),
    /** A fixed value, or the last call's extracted field of that name. */
    value: z.string().max(1000).optional(),
    fromExtracted: z.string().min(1).max(100).optional(),
  })
  .refine((s) => (s.value === undefined) !== (s.fromExtracted === undefined), {
    message: "an update step needs exactly one of value, fromExtracted",
  });

export const stopStepSchema = z.object({ ...base, type: z.literal("stop"), outcome: z.string().max(100).optional() });

export const stepSchema = z.discriminatedUnion("type", [
  callStepSchema,
  messageStepSchema,
  waitStepSchema,
  branchStepSchema,
  updateStepSchema,
  stopStepSchema,
]);
export type WorkflowStep = z.infer<typeof stepSchema>;

export const definitionSchema = z
  .object({ steps: z.array(stepSchema).min(1, "a workflow needs at least one step").max(100) })
  .superRefine((def, ctx) => {
    const ids = new Set<string>();
    def.steps.forEach((step, i) => {
      if (ids.has(step.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `duplicate step id "${step.id}"` });
      ids.add(step.id);
    });
    def.steps.forEach((step, i) => {
      for (const [target, path] of stepTargets(step)) {
        if (!ids.has(target))
          ctx.addIssue({ code: "custom", path: ["steps", i, ...path], message: `step "${step.id}" points at a missing step "${target}"` });
      }
    });
  });
export type WorkflowDefinition = z.infer<typeof definitionSchema>;

/** Every step id a step may jump to, with where it is written. */
export function stepTargets(step: WorkflowStep): [string, (string | number)[]][] {
  const targets: [string, (string | number)[]][] = [];
  if (step.next) targets.push([step.next, ["next"]]);
  if (step.type === "branch") {
    for (const [r, rule] of step.rules.entries()) targets.push([rule.goto, ["rules", r, "goto"]]);
    if (step.otherwise) targets.push([step.otherwise, ["otherwise"]]);
  }
  return targets;
}

/** The step after `step` when it does not jump: `next`, else the following one (null: the end). */
export function followingStep(def: WorkflowDefinition, stepId: string): string | null {
  const index = def.steps.findIndex((s) => s.id === stepId);
  const step = def.steps[index];
  if (step?.next) return step.next;
  return def.steps[index + 1]?.id ?? null;
}

/** Issues as "steps[2].templateId: message" lines. */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message));
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}
