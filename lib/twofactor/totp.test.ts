import { describe, expect, it } from "vitest";
import { groupSecret, matchTotp, newTotpSecret, totpCodeAt, totpStep, totpUri } from "./totp";

const SECRET = "JBSWY3DPEHPK3PXP";
const T = Date.UTC(2026, 10, 26, 9, 0, 15); // 15 s into a step

describe("TOTP (RFC 6238, SHA-1, 6 digits, 30 s)", () => {
  it("matches the RFC 6238 reference value", () => {
    // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" at T = 59 s → 94287082 (8 digits).
    const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(rfcSecret, 59_000)).toBe("287082");
  });

  it("accepts the current step and one step either side, and says which", () => {
    const step = totpStep(T);
    expect(matchTotp(SECRET, totpCodeAt(SECRET, T), T)).toBe(step);
    expect(matchTotp(SECRET, totpCodeAt(SECRET, T - 30_000), T)).toBe(step - 1);
    expect(matchTotp(SECRET, totpCodeAt(SECRET, T + 30_000), T)).toBe(step + 1);
  });

  it("refuses codes two steps away and codes of another secret", () => {
    expect(matchTotp(SECRET, totpCodeAt(SECRET, T - 60_000), T)).toBeNull();
    expect(matchTotp(SECRET, totpCodeAt(SECRET, T + 60_000), T)).toBeNull();
    expect(matchTotp(SECRET, totpCodeAt(newTotpSecret(), T), T)).toBeNull();
  });

  it("builds the otpauth URI with the Doctipro issuer and the email as label", () => {
    const uri = totpUri(SECRET, "dr.weber@demo.doctipro.lu");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Doctipro:dr\.weber%40demo\.doctipro\.lu\?/);
    expect(uri).toContain("issuer=Doctipro");
    expect(uri).toContain(`secret=${SECRET}`);
    expect(uri).toContain("algorithm=SHA1");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
  });

  it("shows the secret in groups of 4 and makes 160-bit secrets", () => {
    expect(groupSecret("ABCDEFGHIJKLMNOP")).toBe("ABCD EFGH IJKL MNOP");
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});
