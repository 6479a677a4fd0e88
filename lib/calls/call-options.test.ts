import { describe, expect, it } from "vitest";
import { recordedCallOptions } from "./call-options";

describe("call options", () => {
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
