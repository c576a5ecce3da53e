import { describe, expect, it } from "vitest";
import { formatAddress } from "./address";

describe("formatAddress", () => {
  it("writes street, postcode and locality on one line, leaving out what is missing", () => {
    expect(formatAddress({ street: "2 rue de la Gare", postcode: "L-1611", locality: "Luxembourg" })).toBe("2 rue de la Gare, L-1611 Luxembourg");
    expect(formatAddress({ street: null, postcode: "L-1611", locality: "Luxembourg" })).toBe("L-1611 Luxembourg");
    expect(formatAddress({ street: "2 rue de la Gare", postcode: null, locality: "Luxembourg" })).toBe("2 rue de la Gare, Luxembourg");
    expect(formatAddress({ street: "2 rue de la Gare", postcode: "", locality: null })).toBe("2 rue de la Gare");
    expect(formatAddress({ street: null, postcode: null, locality: null })).toBe("");
  });
});
