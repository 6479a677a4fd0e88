import { describe, expect, it } from "vitest";
import { errorOutcome } from "@/lib/api/dialects";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/domain/errors";
import { timepayDialect } from "./dialect";

// How TimePay writes the domain's errors: by kind and resource, never by the message's wording.
const written = (error: Parameters<typeof timepayDialect.fromDomain>[0]) => errorOutcome(timepayDialect, timepayDialect.fromDomain(error));

describe("timepayDialect", () => {
  it("answers another organization's campaign with the seed's 403, whatever the domain's words", () => {
    expect(written(new Forbidden("any wording at all", { resource: "campaign" }))).toEqual({
      status: 403,
      body: { success: false, message: "Campaign ID invalid or mismatch for your organization." },
    });
    // Another resource's Forbidden is a plain 403 with its own message.
    expect(written(new Forbidden("Campaign ID of something else", { resource: "agent" }))).toEqual({
      status: 403,
      body: { success: false, error: "Forbidden", message: "Campaign ID of something else" },
    });
  });

  it("writes not found, conflict and invalid as the seeds do", () => {
    expect(written(new NotFound("Customer not found", { resource: "customer" }))).toEqual({
      status: 404,
      body: { success: false, message: "Customer not found" },
    });
    expect(written(new Conflict("A campaign with this name already exists"))).toEqual({
      status: 409,
      body: { success: false, error: "Conflict", message: "A campaign with this name already exists" },
    });
    expect(written(new Invalid("Validation failed", { issues: ["endDate must not be before startDate"] }))).toEqual({
      status: 400,
      body: { success: false, message: "Validation failed", errors: ["endDate must not be before startDate"] },
    });
  });
});
