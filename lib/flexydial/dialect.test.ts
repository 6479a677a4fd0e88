import { describe, expect, it } from "vitest";
import { errorOutcome } from "@/lib/api/dialects";
import { Conflict, Invalid, NotFound } from "@/lib/domain/errors";
import { flexydialDialect, flexydialDncDialect } from "./dialect";

// How Flexydial writes the domain's errors: the DNC list's by kind and resource in §1.11's sentences.
const dnc = (error: Parameters<typeof flexydialDncDialect.fromDomain>[0]) =>
  errorOutcome(flexydialDncDialect, flexydialDncDialect.fromDomain(error));

describe("flexydialDncDialect", () => {
  it("words each DNC error from its kind, resource and value", () => {
    expect(dnc(new Conflict("x", { resource: "dnc_entry", value: "6300868437" }))).toEqual({
      status: 400,
      body: { detail: "DNC number 6300868437 already exists." },
    });
    expect(dnc(new NotFound("x", { resource: "dnc_entry", value: "6300868437" }))).toEqual({
      status: 400,
      body: { detail: "DNC number 6300868437 does not exist." },
    });
    expect(dnc(new NotFound("x", { resource: "campaign", value: "Spring" }))).toEqual({
      status: 400,
      body: { detail: "Campaign Spring does not exist." },
    });
    expect(dnc(new Invalid("x", { field: "numeric", value: "12", issues: ["too short"] }))).toEqual({
      status: 400,
      body: { detail: "DNC number 12 is not a valid phone number (too short)." },
    });
  });
});

describe("flexydialDialect", () => {
  it("joins a domain error's issues with '; ' in { errors }", () => {
    const error = flexydialDialect.fromDomain(new Invalid("Validation failed", { issues: ["one", "two"] }));
    expect(errorOutcome(flexydialDialect, error)).toEqual({ status: 400, body: { errors: "one; two" } });
  });
});
