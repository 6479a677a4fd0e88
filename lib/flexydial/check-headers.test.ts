import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { customSchema } from "@/lib/campaigns/field-schema";
import { checkHeaders } from "./check-headers";

const schema = customSchema(
  [
    { key: "customer_info:customer_id", label: "Customer ID", type: "string", required: true },
    { key: "customer_info:city", label: "City", type: "string", required: false },
  ],
  "customer_info:customer_id",
);

function refusal(run: () => void) {
  try {
    run();
  } catch (error) {
    return { status: (error as ApiError).status, body: (error as ApiError).details?.body };
  }
  return null;
}

describe("checkHeaders", () => {
  it("accepts numeric, user and any subset of the CRM fields", () => {
    expect(
      refusal(() =>
        checkHeaders(
          { action: "insert", campaign: "c", rows: [{ numeric: "1", user: "u", "customer_info:customer_id": "C" }, { numeric: "2" }] },
          schema,
        ),
      ),
    ).toBeNull();
  });

  it("answers the seed's 500 for any other key, in any row", () => {
    const expected = { status: 500, body: { errors: "Headers are not matching with Campaign CRM Fields. Please refer to the sample CSV" } };
    expect(
      refusal(() =>
        checkHeaders({ action: "insert", campaign: "c", rows: [{ numeric: "1" }, { numeric: "2", "customer_info:pincode": "1" }] }, schema),
      ),
    ).toEqual(expected);
    expect(refusal(() => checkHeaders({ action: "insert", campaign: "c", rows: [{ numeric: "1", first_name: "A" }] }, schema))).toEqual(
      expected,
    );
    expect(
      refusal(() =>
        checkHeaders({ action: "update", campaign: "c", referenceField: "numeric", rows: [{ numeric: "1", "info:x": "y" }] }, schema),
      ),
    ).toEqual(expected);
  });

  it("refuses user as the reference field of an update", () => {
    expect(
      refusal(() => checkHeaders({ action: "update", campaign: "c", referenceField: "user", rows: [{ user: "u", numeric: "1" }] }, schema)),
    ).toEqual({
      status: 400,
      body: { errors: "reference_field - user cannot be used to find contacts; use numeric or a CRM field" },
    });
  });
});
