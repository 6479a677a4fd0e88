import { describe, expect, it } from "vitest";
import { statusAnswer } from "./upload-status";

describe("statusAnswer", () => {
  it("is Pending while the job waits or runs", () => {
    for (const status of ["pending", "processing"] as const) {
      expect(statusAnswer({ status, rowErrors: [] })).toEqual({
        status: 200,
        body: { status: "Pending state. Please check with Administrator!" },
      });
    }
  });

  it("is Completed when every row was written", () => {
    expect(statusAnswer({ status: "completed", rowErrors: [] })).toEqual({ status: 200, body: { status: "Completed" } });
  });

  it("is Invalid Data with each rejected row echoed plus its description", () => {
    const rowErrors = [
      { index: 1, id: null, errors: ["This row is duplicated in file"], row: { numeric: "9876543210", user: "priya" } },
      { index: 3, id: "L9", errors: ["Record 3: Missing required field 'phone_number'"] },
    ];
    expect(statusAnswer({ status: "completed", rowErrors })).toEqual({
      status: 500,
      body: {
        status: "Invalid Data",
        improper_data: [
          { numeric: "9876543210", user: "priya", description: "This row is duplicated in file" },
          { description: "Record 3: Missing required field 'phone_number'" },
        ],
      },
    });
  });

  it("is the vendor's generic error when the job failed", () => {
    expect(statusAnswer({ status: "failed", rowErrors: [] })).toEqual({
      status: 500,
      body: { errors: "Oops Something went wrong, Please contact Administrator" },
    });
  });
});
