import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CallOptionsRefused } from "@/lib/calls/call-options";
import { errorOutcome } from "@/lib/api/dialects";
import { callOptionsFields, refineCallOptions } from "./call-options";
import { timepayDialect } from "./dialect";

const schema = z.object(callOptionsFields).superRefine(refineCallOptions);
const messages = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("TimePay call options", () => {
  it("require callConfig with initiateCall and forbid initiateCall with useWorkflow", () => {
    expect(messages({})).toEqual([]);
    expect(messages({ initiateCall: false, useWorkflow: true })).toEqual([]);
    expect(messages({ initiateCall: true })).toEqual(["callConfig is required when initiateCall is true"]);
    expect(messages({ initiateCall: true, useWorkflow: true, callConfig: { agentId: "a", dispositionId: "d" } })).toEqual([
      "initiateCall and useWorkflow cannot both be true",
    ]);
    expect(messages({ initiateCall: true, callConfig: { agentId: " ", dispositionId: "d" } })).toEqual([
      "callConfig.agentId is required and must be a string",
    ]);
    expect(messages({ initiateCall: 1 })).toEqual(["initiateCall must be true or false"]);
  });

  it("word the domain's refusal by the body's fields, where the domain's own words do not", () => {
    const refused = new CallOptionsRefused([
      { code: "unknown_agent", value: "a" },
      { code: "unknown_disposition", value: "d" },
      { code: "no_workflow" },
      { code: "workflow_without_steps", value: "wf_1" },
    ]);
    expect(refused.details.issues).toEqual([
      "agentId does not match an agent of your organization",
      "dispositionId does not match a disposition of your organization",
      "The campaign has no workflow to run (set one on the campaign)",
      "The campaign's workflow wf_1 has no steps to run (save a definition first)",
    ]);
    expect(errorOutcome(timepayDialect, timepayDialect.fromDomain(refused))).toEqual({
      status: 400,
      body: {
        success: false,
        message: "Validation failed",
        errors: [
          "callConfig.agentId does not match an agent of your organization",
          "callConfig.dispositionId does not match a disposition of your organization",
          "useWorkflow requires a campaign with a workflow (set workflowId on the campaign)",
          "useWorkflow: the campaign's workflow wf_1 has no steps to run (save a definition first)",
        ],
      },
    });
  });
});
