import "server-only";
import { randomInt } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { verifications } from "@/db/schema";
import { consume, removeAll, store } from "./one-time-codes";
import { getDb, type Database } from "@/lib/db";
import { hashOneTimeSecret } from "./secret-hash";

const PURPOSE = "recovery_code" as const;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
export const RECOVERY_CODE_COUNT = 10;

const hashFor = (userId: string, normalised: string) => hashOneTimeSecret(`${PURPOSE}:${userId}`, normalised);

/** « abcde-fgh23 »: 10 characters of base32 (50 bits), shown with a dash for reading. */
function newCode(): string {
  const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Replaces the user's recovery codes with 10 new ones, returned once in clear (stored hashed). */
export async function replaceRecoveryCodes(tx: Database, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await removeAll(tx, userId, PURPOSE);
  await store(
    tx,
    userId,
    PURPOSE,
    codes.map((c) => hashFor(userId, c.replace("-", ""))),
    null,
  );
  return codes;
}

/** Uses up one recovery code (already normalised: lower case, no dash); each works once. */
export async function consumeRecoveryCode(tx: Database, userId: string, normalised: string): Promise<boolean> {
  return Boolean(await consume(tx, PURPOSE, hashFor(userId, normalised), userId));
}

export async function unusedRecoveryCodes(userId: string): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(verifications)
    .where(and(eq(verifications.userId, userId), eq(verifications.purpose, PURPOSE), isNull(verifications.usedAt)));
  return row?.n ?? 0;
}

export function deleteRecoveryCodes(tx: Database, userId: string): Promise<void> {
  return removeAll(tx, userId, PURPOSE);
}
