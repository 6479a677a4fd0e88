import { describe, expect, it } from "vitest";
import { phoneSearch } from "./phone-search";

// What a search box's text means as a phone number: a whole number in any format is its E.164
// form with the campaign's country; a partial one an E.164 prefix; anything else not a phone.

const IN = { defaultCountry: "IN" };

describe("phoneSearch", () => {
  it("reads a whole number in any format as E.164", () => {
    for (const typed of ["9876543210", "98765 43210", "+91 98765-43210", "098765 43210", "(+91) 98765.43210", "919876543210"]) {
      expect(phoneSearch(typed, IN)).toEqual({ e164: "+919876543210" });
    }
  });

  it("reads a partial number as a prefix of the E.164 form", () => {
    expect(phoneSearch("98765", IN)).toEqual({ prefix: "+9198765" });
    expect(phoneSearch("098765", IN)).toEqual({ prefix: "+9198765" });
    expect(phoneSearch("+44 7700", IN)).toEqual({ prefix: "+447700" });
  });

  it("is not a phone with letters, or fewer than 4 digits", () => {
    expect(phoneSearch("LN123456", IN)).toBeNull();
    expect(phoneSearch("Asha", IN)).toBeNull();
    expect(phoneSearch("987", IN)).toBeNull();
    expect(phoneSearch("", IN)).toBeNull();
  });
});
