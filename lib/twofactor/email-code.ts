import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { verifications } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { hashOneTimeSecret, randomDigits } from "./secret-hash";

const PURPOSE = "sign_in_email_code" as const;
export const EMAIL_CODE_MINUTES = 10;

const hashFor = (userId: string, code: string) => hashOneTimeSecret(`${PURPOSE}:${userId}`, code);

/** A new 6-digit code for the user, valid 10 minutes; any earlier code stops working. */
export async function issueEmailCode(userId: string): Promise<string> {
  const code = randomDigits(6);
  await getDb().transaction(async (tx) => {
    await tx
      .update(verifications)
      .set({ usedAt: sql`now()` })
      .where(and(eq(verifications.userId, userId), eq(verifications.purpose, PURPOSE), isNull(verifications.usedAt)));
    await tx.insert(verifications).values({
      userId,
      purpose: PURPOSE,
      codeHash: hashFor(userId, code),
      expiresAt: new Date(Date.now() + EMAIL_CODE_MINUTES * 60_000),
    });
  });
  return code;
}

/** Uses up the code if it is the user's live one; false otherwise (wrong, expired or used). */
export async function consumeEmailCode(tx: Database, userId: string, code: string): Promise<boolean> {
  const [row] = await tx
    .update(verifications)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(verifications.userId, userId),
        eq(verifications.purpose, PURPOSE),
        eq(verifications.codeHash, hashFor(userId, code)),
        isNull(verifications.usedAt),
        gt(verifications.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: verifications.id });
  return Boolean(row);
}
