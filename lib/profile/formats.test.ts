import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { postcodeAsSaved, providerCodeAsSaved } from "./formats";
import { postcodeField, providerCodeField } from "./schema";

// The stamp preview reads the typed details with these, the saved profile with the schema: a
// preview that showed « L-1234 » where the server keeps something else would mislead.
const near = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((c) => c.join(""));
const asSaved = (field: typeof providerCodeField | typeof postcodeField, s: string) => {
  const parsed = field.safeParse(s);
  return parsed.success ? parsed.data : undefined;
};

describe("the formats the stamp preview applies", () => {
  it("keep a provider code as the schema does", () => {
    fc.assert(
      fc.property(fc.oneof(near("0123456789 -\t.", 12), fc.string()), (s) => {
        expect(providerCodeAsSaved(s)).toBe(asSaved(providerCodeField, s));
      }),
      { numRuns: 2000 },
    );
    expect(providerCodeAsSaved(" 123456 78 ")).toBe("123456-78");
    expect(providerCodeAsSaved("1234-56")).toBeUndefined();
  });

  it("keep a postcode as the schema does", () => {
    fc.assert(
      fc.property(fc.oneof(near("0123456789lL -\t", 8), fc.string()), (s) => {
        expect(postcodeAsSaved(s)).toBe(asSaved(postcodeField, s));
      }),
      { numRuns: 2000 },
    );
    expect(postcodeAsSaved("l 1234")).toBe("L-1234");
    expect(postcodeAsSaved("L-")).toBeNull();
    expect(postcodeAsSaved("L-12345")).toBeUndefined();
  });
});
