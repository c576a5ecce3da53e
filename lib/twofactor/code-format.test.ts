import { describe, expect, it } from "vitest";
import { hashOneTimeSecret, randomDigits, sameHash } from "./secret-hash";
import { invalid } from "@/lib/forms/form-state";
import { INVALID_REQUEST, otpCodeSchema, recoveryCodeSchema, secondFactorSchema } from "./code-format";

describe("code formats (refused before any attempt is counted)", () => {
  it.each(["123 456", "12a456", "12345", "1234567", "", " 123456", "１２３４５６"])("refuses %j as a 6-digit code", (code) => {
    expect(otpCodeSchema.safeParse(code).success).toBe(false);
  });

  it("accepts exactly six ASCII digits", () => {
    expect(otpCodeSchema.parse("012345")).toBe("012345");
  });

  it("forgives case, spaces and the dash of recovery codes", () => {
    expect(recoveryCodeSchema.parse(" ABCDE-FGH23 ")).toBe("abcdefgh23");
    expect(recoveryCodeSchema.safeParse("abcde-fgh2").success).toBe(false);
    expect(recoveryCodeSchema.safeParse("abcde-fgh18").success).toBe(false);
  });
});

describe("the second factor's hidden method field", () => {
  it.each([
    ["forged", "admin"],
    ["missing", null],
    ["not text", 1],
  ])("a %s method is the form's error, in French", (_, method) => {
    const parsed = secondFactorSchema.safeParse({ method, code: "123456" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(invalid(parsed.error, ["method"])).toEqual({ status: "error", formError: INVALID_REQUEST, fieldErrors: {} });
    expect(INVALID_REQUEST).toBe("Requête invalide. Rechargez la page.");
  });

  it("leaves a malformed code under the code field", () => {
    const parsed = secondFactorSchema.safeParse({ method: "code", code: "12a456" });
    if (parsed.success) throw new Error("parsed");
    expect(invalid(parsed.error, ["method"])).toEqual({ status: "error", fieldErrors: { code: "Le code se compose de 6 chiffres, sans espace." } });
  });
});

describe("one-time secret hashing", () => {
  process.env.AUTH_SECRET ??= "unit-test-auth-secret";

  it("is deterministic per purpose and value, and never the value itself", () => {
    const h = hashOneTimeSecret("sign_in_email_code:user-1", "123456");
    expect(h).toBe(hashOneTimeSecret("sign_in_email_code:user-1", "123456"));
    expect(h).not.toContain("123456");
    expect(sameHash(h, hashOneTimeSecret("sign_in_email_code:user-1", "123456"))).toBe(true);
  });

  it("differs for another user or purpose, so a code cannot serve elsewhere", () => {
    const h = hashOneTimeSecret("sign_in_email_code:user-1", "123456");
    expect(h).not.toBe(hashOneTimeSecret("sign_in_email_code:user-2", "123456"));
    expect(h).not.toBe(hashOneTimeSecret("recovery_code:user-1", "123456"));
  });

  it("draws 6-digit codes with leading zeros kept", () => {
    const codes = Array.from({ length: 2000 }, () => randomDigits(6));
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(codes.some((c) => c.startsWith("0"))).toBe(true);
  });
});
