import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone, phoneHref } from "./phone";

describe("phone numbers", () => {
  it("stores E.164, reading numbers without country code as Luxembourg ones", () => {
    expect(normalizePhone("621 123 456")).toEqual({ kind: "ok", e164: "+352621123456" });
    expect(normalizePhone("+352 26 12 34 56")).toEqual({ kind: "ok", e164: "+35226123456" });
    expect(normalizePhone("00352 26123456")).toEqual({ kind: "ok", e164: "+35226123456" });
    expect(normalizePhone("+33 6 12 34 56 78")).toEqual({ kind: "ok", e164: "+33612345678" });
    expect(normalizePhone("+49 (30) 1234567")).toEqual({ kind: "ok", e164: "+49301234567" });
    expect(normalizePhone("  ")).toEqual({ kind: "empty" });
  });

  it("refuses what is not a number of that country", () => {
    for (const bad of ["123", "+352 12", "abc", "621123456789", "0612345678", "+999 123 456", "6".repeat(41)]) {
      expect(normalizePhone(bad), bad).toEqual({ kind: "invalid" });
    }
  });

  it("shows Luxembourg numbers nationally and foreign ones internationally", () => {
    expect(formatPhone("+352621123456")).toBe("621 123 456");
    expect(formatPhone("+33612345678")).toBe("+33 6 12 34 56 78");
    expect(formatPhone("+352 621 123 456")).toBe("621 123 456");
    expect(formatPhone("n'importe quoi")).toBe("n'importe quoi");
    expect(formatPhone(null)).toBe("");
    expect(phoneHref("+352621123456")).toBe("tel:+352621123456");
  });
});
