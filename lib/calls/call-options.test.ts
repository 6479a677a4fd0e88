import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callOptionsFields, recordedCallOptions, refineCallOptions } from "./call-options";

const schema = z.object(callOptionsFields).superRefine(refineCallOptions);
const messages = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("call options", () => {
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

  it("are recorded on the upload job with what could not be done", () => {
    expect(recordedCallOptions({})).toEqual({ initiateCall: false, callConfig: null, useWorkflow: false });
    expect(recordedCallOptions({ initiateCall: true, callConfig: { agentId: "a", dispositionId: "d" } })).toEqual({
      initiateCall: true,
      callConfig: { agentId: "a", dispositionId: "d" },
      useWorkflow: false,
    });
    expect(recordedCallOptions({ useWorkflow: true, callConfig: { agentId: "a", dispositionId: "d" } })).toEqual({
      initiateCall: false,
      callConfig: null,
      useWorkflow: true,
      workflowDispatch: "runs",
    });
  });
});
