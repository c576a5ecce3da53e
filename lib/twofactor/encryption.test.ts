import { beforeAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./encryption";

beforeAll(() => {
  process.env.AUTH_ENCRYPTION_KEY = "test-key-for-unit-tests-only-000000000000";
});

describe("TOTP secret encryption (AES-256-GCM)", () => {
  it("round-trips", () => {
    expect(decryptSecret(encryptSecret("JBSWY3DPEHPK3PXP"))).toBe("JBSWY3DPEHPK3PXP");
  });

  it("never stores the secret in clear and never encrypts twice the same way", () => {
    const a = encryptSecret("JBSWY3DPEHPK3PXP");
    const b = encryptSecret("JBSWY3DPEHPK3PXP");
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
  });

  it("refuses a tampered ciphertext", () => {
    const [v, iv, tag, body] = encryptSecret("JBSWY3DPEHPK3PXP").split(":");
    const flipped = `${body!.slice(0, -2)}${body!.endsWith("A") ? "B" : "A"}${body!.slice(-1)}`;
    expect(() => decryptSecret([v, iv, tag, flipped].join(":"))).toThrow();
  });

  it("refuses to decrypt under another key", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP");
    process.env.AUTH_ENCRYPTION_KEY = "another-key-another-key-another-key-0000";
    expect(() => decryptSecret(stored)).toThrow();
    process.env.AUTH_ENCRYPTION_KEY = "test-key-for-unit-tests-only-000000000000";
  });
});
