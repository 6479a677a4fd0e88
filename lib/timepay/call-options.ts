import { z } from "zod";
import type { CallOptions, CallOptionsProblem } from "@/lib/calls/call-options";

// initiateCall / callConfig / useWorkflow of TimePay's customer routes, validated in full, and
// the words TimePay answers when the domain refuses them (CallOptionsRefused).

export const callOptionsFields = {
  initiateCall: z.boolean({ error: "initiateCall must be true or false" }).optional(),
  callConfig: z
    .object(
      {
        agentId: z
          .string({ error: "callConfig.agentId is required and must be a string" })
          .trim()
          .min(1, "callConfig.agentId is required and must be a string"),
        dispositionId: z
          .string({ error: "callConfig.dispositionId is required and must be a string" })
          .trim()
          .min(1, "callConfig.dispositionId is required and must be a string"),
      },
      { error: "callConfig must be an object with agentId and dispositionId" },
    )
    .optional(),
  useWorkflow: z.boolean({ error: "useWorkflow must be true or false" }).optional(),
};

/** The rules between the flags, for a body schema's superRefine. */
export function refineCallOptions(body: CallOptions, ctx: z.RefinementCtx) {
  if (body.initiateCall && !body.callConfig) {
    ctx.addIssue({ code: "custom", path: ["callConfig"], message: "callConfig is required when initiateCall is true" });
  }
  if (body.initiateCall && body.useWorkflow) {
    ctx.addIssue({ code: "custom", path: ["initiateCall"], message: "initiateCall and useWorkflow cannot both be true" });
  }
}

/** A refusal of the call options in TimePay's words, which name the body's fields. */
export function callOptionsIssue(problem: CallOptionsProblem): string {
  switch (problem.code) {
    case "unknown_agent":
      return "callConfig.agentId does not match an agent of your organization";
    case "unknown_disposition":
      return "callConfig.dispositionId does not match a disposition of your organization";
    case "no_workflow":
      return "useWorkflow requires a campaign with a workflow (set workflowId on the campaign)";
    case "workflow_without_steps":
      return `useWorkflow: the campaign's workflow ${problem.value} has no steps to run (save a definition first)`;
  }
}
