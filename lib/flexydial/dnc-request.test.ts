import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { parseDncRemove, parseDncUpload } from "./dnc-request";

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return { status: (error as ApiError).status, body: (error as ApiError).details?.body };
  }
  throw new Error("expected a refusal");
}

describe("parseDncUpload", () => {
  it("reads the documented example: a global and a campaign entry", () => {
    expect(
      parseDncUpload([
        { numeric: "6300868437", campaign: "", global_dnc: "true", status: "Inactive" },
        { numeric: "6300868438", campaign: "Campaign1", global_dnc: "false", status: "Active" },
      ]),
    ).toEqual([
      { index: 0, numeric: "6300868437", campaign: null, status: "inactive" },
      { index: 1, numeric: "6300868438", campaign: "Campaign1", status: "active" },
    ]);
  });

  it("is lenient: booleans, any case, missing status (Active) and missing global_dnc (from campaign)", () => {
    expect(
      parseDncUpload([
        { numeric: 6300868437, global_dnc: true, status: "ACTIVE" },
        { numeric: "6300868438", campaign: "C" },
      ]),
    ).toEqual([
      { index: 0, numeric: "6300868437", campaign: null, status: "active" },
      { index: 1, numeric: "6300868438", campaign: "C", status: "active" },
    ]);
    // global_dnc decides: a campaign next to "true" is ignored.
    expect(parseDncUpload([{ numeric: "1", campaign: "C", global_dnc: "true" }])[0].campaign).toBeNull();
  });

  it("refuses what it cannot read, naming the item", () => {
    const detail = (message: string) => ({ status: 400, body: { detail: message } });
    expect(refusal(() => parseDncUpload({ numeric: "1" }))).toEqual(detail("Request body must be a JSON array of DNC entries."));
    expect(refusal(() => parseDncUpload([]))).toEqual(detail("Request body must contain at least one DNC entry."));
    expect(refusal(() => parseDncUpload(["6300868437"]))).toEqual(detail("Item 0 must be an object."));
    expect(refusal(() => parseDncUpload([{ numeric: " " }]))).toEqual(detail("Item 0: numeric is required."));
    expect(refusal(() => parseDncUpload([{ numeric: "1" }, { numeric: "2", global_dnc: "yes" }]))).toEqual(
      detail('Item 1: global_dnc must be "true" or "false".'),
    );
    expect(refusal(() => parseDncUpload([{ numeric: "1", status: "Blocked" }]))).toEqual(
      detail('Item 0: status must be "Active" or "Inactive".'),
    );
    expect(refusal(() => parseDncUpload([{ numeric: "1", campaign: "", global_dnc: "false" }]))).toEqual(
      detail('Item 0: campaign is required when global_dnc is "false".'),
    );
    expect(refusal(() => parseDncUpload([{ numeric: "1", campaign: 5 }]))).toEqual(
      detail('Item 0: campaign must be a campaign name, or "" for the global list.'),
    );
  });
});

describe("parseDncRemove", () => {
  it("reads numbers, with an optional campaign scope", () => {
    expect(
      parseDncRemove([{ numeric: "6300868437" }, { numeric: "6300868438", campaign: "" }, { numeric: "6300868439", campaign: "C" }]),
    ).toEqual([
      { index: 0, numeric: "6300868437", campaign: undefined },
      { index: 1, numeric: "6300868438", campaign: null },
      { index: 2, numeric: "6300868439", campaign: "C" },
    ]);
  });
});
