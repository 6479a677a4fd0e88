import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { errorOutcome } from "@/lib/api/dialects";
import { flexydialDialect } from "./dialect";
import { parseUploadRequest } from "./upload-request";

// The structural errors of POST /api/bulkphonebookupload/v1/, word for word, and their order.

function failure(body: unknown): { status: number; body: unknown } {
  try {
    parseUploadRequest(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { status: (error as ApiError).status, body: errorOutcome(flexydialDialect, error as ApiError).body };
  }
  throw new Error("expected the request to be refused");
}

const errors = (message: string) => ({ status: 400, body: { errors: message } });
const row = (extra: Record<string, unknown> = {}) => ({
  numeric: "9876543210",
  user: "priya",
  "customer_info:customer_id": "C1",
  ...extra,
});

describe("insert requests", () => {
  it("accepts campaign + bulk_data, with or without action_type insert", () => {
    expect(parseUploadRequest({ campaign: " Flexy ", bulk_data: [row()] })).toEqual({ action: "insert", campaign: "Flexy", rows: [row()] });
    expect(parseUploadRequest({ campaign: "Flexy", action_type: "insert", bulk_data: [row()] }).action).toBe("insert");
  });

  it("refuses reference_field on an insert, whatever it names (both payloads of the seed)", () => {
    const message = errors("Insert operation cannot have reference_field.");
    expect(failure({ campaign: "Flexy", reference_field: "numeric", bulk_data: [row()] })).toEqual(message);
    expect(failure({ campaign: "Flexy", reference_field: "customer_info:customer_id", bulk_data: [row()] })).toEqual(message);
  });

  it("answers 'Invalid request structure' for only campaign, only bulk_data, and other shapes", () => {
    const message = errors("Invalid request structure");
    for (const body of [
      { campaign: "Flexy" },
      { bulk_data: [row()] },
      { campaign: "Flexy", bulk_data: [] },
      { campaign: "Flexy", bulk_data: ["9876543210"] },
      { campaign: "", bulk_data: [row()] },
      { campaign: "Flexy", bulk_data: [row()], action_type: "delete" },
      [row()],
      "text",
    ]) {
      expect(failure(body)).toEqual(message);
    }
  });
});

describe("update requests: the six documented errors in the documented order", () => {
  const update = (extra: Record<string, unknown>) => ({ campaign: "Flexy", action_type: "update", reference_field: "numeric", ...extra });

  it("accepts type 1 (by numeric), 2 (by CRM field), 3 (reassignment) and a case-insensitive action_type", () => {
    expect(parseUploadRequest(update({ bulk_data: [{ numeric: "9876543210", "customer_info:city": "Pune" }] }))).toEqual({
      action: "update",
      campaign: "Flexy",
      referenceField: "numeric",
      rows: [{ numeric: "9876543210", "customer_info:city": "Pune" }],
    });
    const byCrm = update({
      reference_field: "customer_info:customer_id",
      bulk_data: [{ "customer_info:customer_id": "C1", numeric: "9876543211" }],
    });
    expect(parseUploadRequest(byCrm)).toMatchObject({ referenceField: "customer_info:customer_id" });
    expect(parseUploadRequest(update({ action_type: "UPDATE", bulk_data: [{ numeric: "9876543210", user: "vikram" }] })).action).toBe(
      "update",
    );
  });

  it("1. missing campaign or bulk_data: Oops Something went wrong, under the seed's Code 500", () => {
    const message = { status: 500, body: { errors: "Oops Something went wrong, Please contact Administrator" } };
    expect(failure(update({ campaign: undefined, bulk_data: [row()] }))).toEqual(message);
    expect(failure(update({}))).toEqual(message);
    // Before the reference_field check: the structure is judged first.
    expect(failure({ action_type: "update", bulk_data: [row()] })).toEqual(message);
  });

  it("2. update without reference_field", () => {
    expect(failure(update({ reference_field: undefined, bulk_data: [row()] }))).toEqual(
      errors("reference_field is missing in the request!"),
    );
    expect(failure(update({ reference_field: "  ", bulk_data: [row()] }))).toEqual(errors("reference_field is missing in the request!"));
  });

  it("3. the reference key absent from some or all items, named in the message", () => {
    expect(failure(update({ bulk_data: [row(), { user: "priya" }] }))).toEqual(
      errors("reference_field - numeric is missing in some bulk_data item(s)"),
    );
    expect(
      failure(update({ reference_field: "customer_info:customer_id", bulk_data: [{ numeric: "9876543210", user: "priya" }] })),
    ).toEqual(errors("reference_field - customer_info:customer_id is missing in some bulk_data item(s)"));
  });

  it("3 fires before 4: a non-uniform body that also lacks the key is reported as missing (§1.5)", () => {
    expect(failure(update({ bulk_data: [{ numeric: "9876543210", user: "priya" }, { user: "vikram" }] }))).toEqual(
      errors("reference_field - numeric is missing in some bulk_data item(s)"),
    );
  });

  it("4. items with different key sets", () => {
    expect(
      failure(
        update({
          bulk_data: [
            { numeric: "9876543210", user: "priya" },
            { numeric: "9876543211", "customer_info:city": "Pune" },
          ],
        }),
      ),
    ).toEqual(errors("All items in bulk_data must have uniform structure"));
  });

  it("5. items carrying only the reference field (checked after uniformity)", () => {
    expect(failure(update({ bulk_data: [{ numeric: "9876543210" }, { numeric: "9876543211" }] }))).toEqual(
      errors("Please provide the columns data that you want to update along with the reference_field"),
    );
    expect(failure(update({ bulk_data: [{ numeric: "9876543210" }, { numeric: "9876543211", user: "priya" }] }))).toEqual(
      errors("All items in bulk_data must have uniform structure"),
    );
  });

  it("key order does not make items non-uniform", () => {
    const rows = [
      { numeric: "9876543210", user: "priya" },
      { user: "vikram", numeric: "9876543211" },
    ];
    expect(parseUploadRequest(update({ bulk_data: rows })).rows).toEqual(rows);
  });
});
