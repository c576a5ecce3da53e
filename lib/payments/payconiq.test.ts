import { describe, expect, it } from "vitest";
import { payconiqMerchantIdField, payconiqPaymentLink, SAMPLE_INVOICE } from "./payconiq";

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
