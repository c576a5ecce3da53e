import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { merchantIdAsSaved, payconiqPaymentLink, SAMPLE_INVOICE } from "./payconiq";
import { payconiqMerchantIdField } from "./schema";

describe("Payconiq", () => {
  it("accepts a 24-character merchant id, in any case and with stray spaces", () => {
    expect(payconiqMerchantIdField.parse(" 5C8A 7B2E9F1D4A0012AB34CD ")).toBe("5c8a7b2e9f1d4a0012ab34cd");
    expect(payconiqMerchantIdField.parse("")).toBeNull();
  });

  it("refuses anything else", () => {
    for (const bad of ["5c8a7b2e9f1d4a0012ab34c", "5c8a7b2e9f1d4a0012ab34cdz", "payconiq-merchant-0001x"]) {
      expect(payconiqMerchantIdField.safeParse(bad).success).toBe(false);
    }
  });

  it("the QR preview reads a typed id as the form's field does", () => {
    // Near-ids: around 24 hex digits of either case, with spaces and the odd wrong character.
    const typed = fc.array(fc.constantFrom(..."0123456789abcdefABCDEF  \tg-"), { minLength: 20, maxLength: 30 }).map((c) => c.join(""));
    fc.assert(
      fc.property(fc.oneof(typed, fc.string()), (s) => {
        const parsed = payconiqMerchantIdField.safeParse(s);
        expect(merchantIdAsSaved(s)).toBe(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 2000 },
    );
    expect(merchantIdAsSaved(" 5C8A 7B2E9F1D4A0012AB34CD ")).toBe("5c8a7b2e9f1d4a0012ab34cd");
  });

  it("builds the invoice payment link with the amount in cents and the reference", () => {
    const link = new URL(payconiqPaymentLink("5c8a7b2e9f1d4a0012ab34cd", SAMPLE_INVOICE));
    expect(link.origin + link.pathname).toBe("https://payconiq.com/t/1/5c8a7b2e9f1d4a0012ab34cd");
    expect(Object.fromEntries(link.searchParams)).toEqual({ D: "Consultation", A: "5480", R: "MH-2026-0042" });
  });

  it("never builds a link from an unchecked id or amount", () => {
    expect(() => payconiqPaymentLink("../../x", SAMPLE_INVOICE)).toThrow();
    expect(() => payconiqPaymentLink("5c8a7b2e9f1d4a0012ab34cd", { ...SAMPLE_INVOICE, amountCents: 0 })).toThrow();
  });
});
