import { z } from "zod";
import { db } from "@/lib/db/client";
import { Invalid } from "@/lib/domain/errors";

// initiateCall / callConfig / useWorkflow of TimePay's customer routes, validated in full. Calls
// are scheduled by the calls domain; workflows arrive with their own feature, and until then a
// route must say plainly that none was triggered — never claim it was.

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

export type CallOptions = {
  initiateCall?: boolean;
  callConfig?: { agentId: string; dispositionId: string };
  useWorkflow?: boolean;
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

/**
 * The agent and disposition of callConfig must belong to the caller's organization, and a
 * workflow can only run on a campaign that has one. 400 naming every reference that fails.
 */
export async function assertCallTargets(
  organizationId: string,
  campaign: { workflowId: string | null },
  options: CallOptions,
): Promise<void> {
  const errors: string[] = [];
  if (options.initiateCall && options.callConfig) {
    const { agentId, dispositionId } = options.callConfig;
    const [agent, disposition] = await Promise.all([
      db.agent.findFirst({ where: { id: agentId, organizationId }, select: { id: true } }),
      db.disposition.findFirst({ where: { id: dispositionId, organizationId }, select: { id: true } }),
    ]);
    if (!agent) errors.push("callConfig.agentId does not match an agent of your organization");
    if (!disposition) errors.push("callConfig.dispositionId does not match a disposition of your organization");
  }
  if (options.useWorkflow && !campaign.workflowId) {
    errors.push("useWorkflow requires a campaign with a workflow (set workflowId on the campaign)");
  }
  if (errors.length > 0) throw new Invalid("Validation failed", { issues: errors });
}

/** What is recorded on the upload job, so the request for calls or a workflow is not lost. */
export function recordedCallOptions(options: CallOptions) {
  return {
    initiateCall: options.initiateCall === true,
    callConfig: options.initiateCall ? (options.callConfig ?? null) : null,
    useWorkflow: options.useWorkflow === true,
    ...(options.useWorkflow && { workflowDispatch: "runs" }),
  };
}
