import "server-only";
import { consume, store, voidUnused } from "./one-time-codes";
import { getDb, type Database } from "@/lib/db";
import { hashOneTimeSecret, randomDigits } from "./secret-hash";

const PURPOSE = "sign_in_email_code" as const;
export const EMAIL_CODE_MINUTES = 10;

const hashFor = (userId: string, code: string) => hashOneTimeSecret(`${PURPOSE}:${userId}`, code);

/** A new 6-digit code for the user, valid 10 minutes; any earlier code stops working. */
export async function issueEmailCode(userId: string): Promise<string> {
  const code = randomDigits(6);
  await getDb().transaction(async (tx) => {
    await voidUnused(tx, userId, PURPOSE);
    await store(tx, userId, PURPOSE, [hashFor(userId, code)], new Date(Date.now() + EMAIL_CODE_MINUTES * 60_000));
  });
  return code;
}

/** Uses up the code if it is the user's live one; false otherwise (wrong, expired or used). */
export async function consumeEmailCode(tx: Database, userId: string, code: string): Promise<boolean> {
  return Boolean(await consume(tx, PURPOSE, hashFor(userId, code), userId));
}
