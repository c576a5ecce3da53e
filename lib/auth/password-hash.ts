// No "server-only" marker: the seed (a command-line tool) hashes the demo passwords with it too.
import { hash, verify } from "@node-rs/argon2";
import { withHashSlot } from "./hash-slots";

// argon2id with 64 MiB and 6 passes on one lane: RFC 9106's way of choosing (as much memory as
// the server can spare under load, then as many passes as the time budget allows), about 110 ms
// per sign-in on one core here (docs/decisions/0014). Algorithm 2 is Argon2id (the package exports
// it as a const enum, which isolated modules cannot import).
export const HASH_OPTIONS = { algorithm: 2, memoryCost: 65_536, timeCost: 6, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, HASH_OPTIONS));
}

// The throwaway hash unknown emails are checked against: a hash, at today's parameters, of a random
// password nobody kept. Written here rather than made at start: made on first use, the first
// unknown email after a start cost two hashes, a time that told it apart from a real account; made
// at import, every process that imports this module (each unit-test file, each command) paid one
// argon2id hash for it. A match against it never signs anyone in (`Boolean(storedHash)` below).
// When HASH_OPTIONS change, replace it: password-hash.test.ts fails until its parameters match.
export const DUMMY_HASH = "$argon2id$v=19$m=65536,t=6,p=1$OuDuh/QuVER8gKW2sj3YjA$mXnxVzh0Uo2WuddTazCHZyPzcZ4dLDJIXm2YRUKHqkg";

/**
 * Verifies a password against a stored hash. With no hash (unknown email, account without a
 * password yet) it verifies against a throwaway hash so the answer takes the same time.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const target = storedHash ?? DUMMY_HASH;
    const ok = await withHashSlot(() => verify(target, password));
    return ok && Boolean(storedHash);
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters than today's (an account from before
 * they were raised): the sign-in that has the password at hand hashes it again.
 */
export function needsRehash(storedHash: string): boolean {
  const { memoryCost: m, timeCost: t, parallelism: p } = HASH_OPTIONS;
  return !storedHash.startsWith(`$argon2id$v=19$m=${m},t=${t},p=${p}$`);
}
