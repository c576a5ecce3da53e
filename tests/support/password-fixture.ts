import { hashPassword } from "@/lib/auth/password-hash";

const made = new Map<string, Promise<string>>();

/**
 * The stored hash of a test account's password, made with the production parameters but once per
 * test file: argon2id at 64 MiB and 6 passes cost each `beforeEach` that hashed it anew ~0.1 s of a
 * core (several on a busy machine). For tests whose subject is not the hashing; the salt is shared by
 * every account that uses it, which none of them looks at (seed-demo.test.ts checks the salts).
 */
export function fixtureHash(password: string): Promise<string> {
  let hash = made.get(password);
  if (!hash) {
    hash = hashPassword(password);
    made.set(password, hash);
  }
  return hash;
}
