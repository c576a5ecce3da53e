import { describe, expect, it } from "vitest";
import { isE164 } from "./send";

describe("isE164 (only numbers stored in E.164 get a text message)", () => {
  it("accepts what lib/patients/phone.ts stores", () => {
    for (const phone of ["+352621123456", "+33612345678", "+4915112345678"]) expect(isE164(phone)).toBe(true);
  });

  it("refuses anything else: a number typed before normalisation, a national one, empty", () => {
    for (const phone of ["621 123 456", "00352621123456", "352621123456", "+0352621", "+35262112345678901", "", null, undefined])
      expect(isE164(phone)).toBe(false);
  });
});
