import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { emailOutbox, sessions, twoFactor, users, verifications } from "@/db/schema";
import type { Database } from "@/db/client";
import { accountBlockedEmail } from "@/lib/email/templates";
import { freshDatabase } from "@/tests/support/test-db";
import { appOnThrowawayPostgres, ON_POSTGRES } from "@/tests/support/postgres";
import { issueEmailCode } from "@/lib/twofactor/email-code";
import { encryptSecret } from "@/lib/twofactor/encryption";
import { startPendingStep } from "@/lib/twofactor/pending-step";
import { requestEmailCode, verifySecondFactor } from "./second-factor";
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

/**
 * How many codes were compared: every authenticator check goes through acceptTotp (the emailed
 * and recovery codes only after it, or instead of it), so counting its calls counts comparisons.
 */
const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/twofactor/authenticator", async (original) => {
  const real = await original<typeof import("@/lib/twofactor/authenticator")>();
  return {
    ...real,
    acceptTotp: (...args: Parameters<typeof real.acceptTotp>) => {
      compared.count++;
      return real.acceptTotp(...args);
    },
  };
});

const SECRET = "JBSWY3DPEHPK3PXP";
const ctx = { ip: "192.0.2.50", userAgent: "Vitest", requestId: "test" };

/** A well-formed code that no step of the ±1 window accepts. */
function wrongCode(except?: string): string {
  const now = Date.now();
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpCodeAt(SECRET, now + d)));
  return ["000000", "111111", "222222", "333333"].find((c) => !near.has(c) && c !== except)!;
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
      compared.count = 0;
      const results = await Promise.all(Array.from({ length: 50 }, () => verifySecondFactor({ method: "code", code }, ctx)));
      // The attempt is taken before the code is compared: three comparisons, never more (0036).
      expect(compared.count).toBe(3);
      expect(
        results
          .filter((r) => r.kind === "wrong-code")
          .map((r) => (r as { remaining: number }).remaining)
          .sort(),
      ).toEqual([1, 2]);
      expect(results.filter((r) => r.kind === "blocked")).toHaveLength(48);
      expect(results.filter((r) => r.kind === "blocked" && r.reason === "wrong-codes")).toHaveLength(1);

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
      expect(compared.count).toBe(3);
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

    it("one valid code sent 10 times together opens one session; the other 9 find the sign-in finished, compare nothing, count nothing", async () => {
      const userId = await doctorAtTheCodeStep(db, "course");
      const code = totpCodeAt(SECRET);
      compared.count = 0;
      const results = await Promise.all(Array.from({ length: 10 }, () => verifySecondFactor({ method: "code", code }, ctx)));
      expect(results.filter((r) => r.kind === "signed-in")).toHaveLength(1);
      expect(results.filter((r) => r.kind !== "signed-in")).toEqual(Array.from({ length: 9 }, () => ({ kind: "expired" })));
      expect(compared.count).toBe(1);
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

    it("a right code on the third try signs in and resets the counter", async () => {
      const userId = await doctorAtTheCodeStep(db, "troisieme");
      expect(await verifySecondFactor({ method: "code", code: wrongCode() }, ctx)).toEqual({ kind: "wrong-code", remaining: 2 });
      expect(await verifySecondFactor({ method: "code", code: wrongCode() }, ctx)).toEqual({ kind: "wrong-code", remaining: 1 });
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 2, status: "active" });
      expect(await verifySecondFactor({ method: "code", code: totpCodeAt(SECRET) }, ctx)).toMatchObject({ kind: "signed-in" });
      expect(await accountOf(db, userId)).toMatchObject({ failedCodeAttempts: 0, status: "active" });
    });

    it("50 racers with one right code among wrong ones compare at most 3 codes, and a right third try still signs in", async () => {
      const userId = await doctorAtTheCodeStep(db, "melange");
      expect(await verifySecondFactor({ method: "code", code: wrongCode() }, ctx)).toEqual({ kind: "wrong-code", remaining: 2 });
      compared.count = 0;
      const right = totpCodeAt(SECRET);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => verifySecondFactor({ method: "code", code: i === 0 ? right : wrongCode() }, ctx)),
      );
      // One attempt was already spent: two are left, so at most two codes are compared.
      expect(compared.count).toBeLessThanOrEqual(2);
      const signedIn = results.filter((r) => r.kind === "signed-in").length;
      const account = await accountOf(db, userId);
      // Either the right code came within the two attempts left (signed in, counter reset), or both were
      // taken by wrong codes first (blocked); never both, never a fourth comparison.
      if (signedIn === 1) expect(account).toMatchObject({ failedCodeAttempts: 0, status: "active" });
      else expect(account).toMatchObject({ failedCodeAttempts: 3, status: "blocked" });
    });

    describe("the emailed code follows the guide (0037)", () => {
      const lastMail = async (userId: string) => {
        const { email } = await accountOf(db, userId);
        const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
        return mails.sort((a, b) => a.id - b.id).at(-1)!;
      };
      const codeIn = (text: string) => /Votre code à usage unique est : (\d{6})/.exec(text)![1]!;

      it("the third request sends a last code with a warning; a fourth request blocks and says why", async () => {
        const userId = await doctorAtTheCodeStep(db, "quatrieme");
        expect(await requestEmailCode(ctx)).toEqual({ kind: "sent", remainingRequests: 2, last: false });
        expect(await requestEmailCode(ctx)).toEqual({ kind: "sent", remainingRequests: 1, last: false });
        expect(await requestEmailCode(ctx)).toEqual({ kind: "sent", remainingRequests: 0, last: true });
        const third = await lastMail(userId);
        expect(third.subject).toBe("Votre dernier code de connexion Doctipro");
        expect(third.text).toContain("c'est le dernier code que vous pouvez demander");
        expect(await accountOf(db, userId)).toMatchObject({ emailCodeRequests: 3, status: "active" });

        expect(await requestEmailCode(ctx)).toEqual({ kind: "blocked", reason: "email-codes" });
        expect(await accountOf(db, userId)).toMatchObject({ status: "blocked" });
        const blocked = await lastMail(userId);
        expect(blocked.subject).toBe("Votre compte Doctipro est bloqué");
        expect(blocked.text).toContain("Trois codes à usage unique ont été demandés par courriel sans connexion réussie");
        expect(blocked.text).toContain("info@doctipro.lu");
      });

      it("the last code typed wrong blocks at once", async () => {
        const userId = await doctorAtTheCodeStep(db, "derniercode");
        for (let i = 0; i < 3; i++) await requestEmailCode(ctx);
        const code = codeIn((await lastMail(userId)).text);
        expect(await verifySecondFactor({ method: "code", code: wrongCode(code) }, ctx)).toEqual({
          kind: "blocked",
          reason: "email-codes",
        });
        expect(await accountOf(db, userId)).toMatchObject({ status: "blocked", failedCodeAttempts: 1 });
      });

      it("the last code right signs in and resets both counters", async () => {
        const userId = await doctorAtTheCodeStep(db, "dernierbon");
        for (let i = 0; i < 3; i++) await requestEmailCode(ctx);
        const code = codeIn((await lastMail(userId)).text);
        expect(await verifySecondFactor({ method: "code", code }, ctx)).toMatchObject({ kind: "signed-in" });
        expect(await accountOf(db, userId)).toMatchObject({ status: "active", failedCodeAttempts: 0, emailCodeRequests: 0 });
      });

      it("the last code expired unused blocks at the next attempt, before any code is compared", async () => {
        const userId = await doctorAtTheCodeStep(db, "expire");
        for (let i = 0; i < 3; i++) await requestEmailCode(ctx);
        await db
          .update(verifications)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(and(eq(verifications.userId, userId), eq(verifications.purpose, "sign_in_email_code"), isNull(verifications.usedAt)));
        compared.count = 0;
        expect(await verifySecondFactor({ method: "code", code: totpCodeAt(SECRET) }, ctx)).toEqual({ kind: "blocked", reason: "email-codes" });
        expect(compared.count).toBe(0);
        expect(await accountOf(db, userId)).toMatchObject({ status: "blocked" });
      });
    });
  });
}

secondFactorSuite("2FA step on PGlite", async () => ({ db: await freshDatabase() }));
secondFactorSuite("2FA step on PostgreSQL", () => appOnThrowawayPostgres(), ON_POSTGRES);
