import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { emailOutbox, sessions, twoFactor, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { accountBlockedEmail } from "@/lib/email/templates";
import { freshDatabase } from "@/tests/support/test-db";
import { appOnThrowawayPostgres, ON_POSTGRES } from "@/tests/support/postgres";
import { issueEmailCode } from "@/lib/twofactor/email-code";
import { encryptSecret } from "@/lib/twofactor/encryption";
import { startPendingStep } from "@/lib/twofactor/pending-step";
import { verifySecondFactor } from "./second-factor";
import { totpCodeAt } from "@/lib/twofactor/totp";
import { useDatabase } from "@/tests/support/database-suite";

// The 2FA step as its server action runs it (app/(auth)/connexion/2fa/actions.ts): the pending
// step read from the browser's cookie, the code checked, the attempt counted, the block and its
// email. Only the cookie jar is stood in for; the database is PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set.

process.env.AUTH_SECRET ??= "unit-test-auth-secret";
process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";

/** One browser's cookies, as next/headers hands them to the server action. */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));

const SECRET = "JBSWY3DPEHPK3PXP";
const ctx = { ip: "192.0.2.50", userAgent: "Vitest", requestId: "test" };

/** A well-formed code that no step of the ±1 window accepts. */
function wrongCode(): string {
  const now = Date.now();
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpCodeAt(SECRET, now + d)));
  return ["000000", "111111", "222222"].find((c) => !near.has(c))!;
}

function secondFactorSuite(name: string, setup: () => Promise<{ db: Database; drop?: () => Promise<void> } | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let db!: Database;
    useDatabase(setup, (ready) => (db = ready!.db));

    it("50 wrong codes sent together at one pending step count exactly 3, block once and send one email", async () => {
      const email = `bloque-${Date.now()}@example.lu`;
      const [user] = await db
        .insert(users)
        .values({ email, role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer" })
        .returning();
      await db.insert(twoFactor).values({ userId: user!.id, secretEncrypted: encryptSecret(SECRET), confirmedAt: new Date() });
      // A session open elsewhere, which the block must end.
      await db.insert(sessions).values({ userId: user!.id, ip: "192.0.2.1", userAgent: "ailleurs", expiresAt: new Date(Date.now() + 3600_000) });
      jar.clear();
      await startPendingStep(user!.id, "doctor", "verify");
      expect(jar.size).toBe(1);

      const code = wrongCode();
      const results = await Promise.all(Array.from({ length: 50 }, () => verifySecondFactor({ method: "code", code }, ctx)));
      expect(
        results
          .filter((r) => r.kind === "wrong-code")
          .map((r) => (r as { remaining: number }).remaining)
          .sort(),
      ).toEqual([1, 2]);
      expect(results.filter((r) => r.kind === "blocked")).toHaveLength(48);

      const [row] = await db.select().from(users).where(eq(users.id, user!.id));
      expect(row).toMatchObject({ failedCodeAttempts: 3, status: "blocked" });
      const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
      expect(mails.map((m) => m.subject)).toEqual([accountBlockedEmail().subject]);
      expect(
        await db
          .select()
          .from(sessions)
          .where(and(eq(sessions.userId, user!.id), isNull(sessions.revokedAt))),
      ).toEqual([]);

      // The right code afterwards, at the same pending step, is refused and opens nothing.
      expect(await verifySecondFactor({ method: "code", code: totpCodeAt(SECRET) }, ctx)).toEqual({ kind: "blocked" });
      expect(
        await db
          .select()
          .from(sessions)
          .where(and(eq(sessions.userId, user!.id), isNull(sessions.revokedAt))),
      ).toEqual([]);
      expect((await db.select().from(users).where(eq(users.id, user!.id)))[0]).toMatchObject({ failedCodeAttempts: 3, status: "blocked" });
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(1);
    });

    /** A doctor with the authenticator on, and a pending sign-in in the jar. */
    async function doctorAtTheCodeStep(db: Database, label: string) {
      const email = `${label}-${Date.now()}@example.lu`;
      const [user] = await db
        .insert(users)
        .values({ email, role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer" })
        .returning();
      await db.insert(twoFactor).values({ userId: user!.id, secretEncrypted: encryptSecret(SECRET), confirmedAt: new Date() });
      jar.clear();
      await startPendingStep(user!.id, "doctor", "verify");
      return user!.id;
    }
    const accountOf = async (db: Database, userId: string) => (await db.select().from(users).where(eq(users.id, userId)))[0]!;
    const openSessions = (db: Database, userId: string) =>
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));

    it("a replayed authenticator code is refused as used-code and counts nothing; a wrong code still counts", async () => {
      const userId = await doctorAtTheCodeStep(db, "rejoue");
      const code = totpCodeAt(SECRET);
      expect(await verifySecondFactor({ method: "code", code }, ctx)).toMatchObject({ kind: "signed-in" });

      // The same person signs in again on another device, within the same 30 s, after one typo.
      jar.clear();
      await startPendingStep(userId, "doctor", "verify");
      expect(await verifySecondFactor({ method: "code", code: wrongCode() }, ctx)).toEqual({ kind: "wrong-code", remaining: 2 });
      for (let i = 0; i < 5; i++) {
        expect(await verifySecondFactor({ method: "code", code }, ctx)).toEqual({ kind: "used-code", remaining: 2 });
      }
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 1, emailCodeRequests: 0, status: "active" });
      expect(await openSessions(db, userId)).toHaveLength(1);

      // A wrong code still counts, and the pending step is still there for the next code.
      expect(await verifySecondFactor({ method: "code", code: wrongCode() }, ctx)).toEqual({ kind: "wrong-code", remaining: 1 });
      expect(await verifySecondFactor({ method: "code", code }, ctx)).toEqual({ kind: "used-code", remaining: 1 });
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 2, status: "active" });
      expect(await verifySecondFactor({ method: "code", code: totpCodeAt(SECRET, Date.now() + 30_000) }, ctx)).toMatchObject({ kind: "signed-in" });
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 0, status: "active" });
      expect(await openSessions(db, userId)).toHaveLength(2);
    });

    it("one valid code sent 10 times together opens one session; the other 9 are used-code, not counted", async () => {
      const userId = await doctorAtTheCodeStep(db, "course");
      const code = totpCodeAt(SECRET);
      const results = await Promise.all(Array.from({ length: 10 }, () => verifySecondFactor({ method: "code", code }, ctx)));
      expect(results.filter((r) => r.kind === "signed-in")).toHaveLength(1);
      expect(results.filter((r) => r.kind !== "signed-in")).toEqual(Array.from({ length: 9 }, () => ({ kind: "used-code", remaining: 3 })));
      expect(await openSessions(db, userId)).toHaveLength(1);
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 0, status: "active" });
    });

    it("after a replay, the emailed code and the recovery path work as before", async () => {
      const userId = await doctorAtTheCodeStep(db, "courriel");
      const code = totpCodeAt(SECRET);
      expect(await verifySecondFactor({ method: "code", code }, ctx)).toMatchObject({ kind: "signed-in" });
      jar.clear();
      await startPendingStep(userId, "doctor", "verify");
      expect(await verifySecondFactor({ method: "code", code }, ctx)).toMatchObject({ kind: "used-code" });
      // A wrong recovery code counts, as before.
      expect(await verifySecondFactor({ method: "recovery", code: "ABCDE-FGH23" }, ctx)).toEqual({ kind: "wrong-code", remaining: 2 });
      const emailed = await issueEmailCode(userId);
      expect(await verifySecondFactor({ method: "code", code: emailed }, ctx)).toMatchObject({ kind: "signed-in" });
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 0, status: "active" });
    });
  });
}

secondFactorSuite("2FA step on PGlite", async () => ({ db: await freshDatabase() }));
secondFactorSuite("2FA step on PostgreSQL", () => appOnThrowawayPostgres(), ON_POSTGRES);
