import { describe, expect, it, vi } from "vitest";

// Counts the argon2 hashes and verifications (the real ones still run).
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...actual, hash: vi.fn(actual.hash), verify: vi.fn(actual.verify) };
});

const argon2 = await import("@node-rs/argon2");
const { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } = await import("./password-hash");

describe("verifyPassword", () => {
  it("checks an unknown email against a throwaway hash at today's parameters: one verification, no hash", async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    vi.mocked(argon2.hash).mockClear();
    expect(await verifyPassword(undefined, "n'importe quel mot de passe")).toBe(false);
    expect(await verifyPassword(null, "n'importe quel mot de passe")).toBe(false);
    expect(vi.mocked(argon2.hash)).not.toHaveBeenCalled();
    expect(vi.mocked(argon2.verify)).toHaveBeenCalledTimes(2);
    expect(vi.mocked(argon2.verify).mock.calls.map(([target]) => target)).toEqual([DUMMY_HASH, DUMMY_HASH]);
  });

  it("accepts only the right password against a stored hash", async () => {
    const stored = await hashPassword("cheval agrafe batterie correcte");
    expect(await verifyPassword(stored, "cheval agrafe batterie correcte")).toBe(true);
    expect(await verifyPassword(stored, "cheval agrafe batterie")).toBe(false);
    expect(await verifyPassword("pas un hash", "cheval agrafe batterie correcte")).toBe(false);
  });
});
