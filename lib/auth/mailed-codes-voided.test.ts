import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pendingEmailChanges, twoFactor, users, verifications, type User } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { recordFailedCode } from "./attempt-counter";
import { removeTwoFactor } from "@/lib/twofactor/authenticator";
import { issueEmailCode } from "@/lib/twofactor/email-code";
import { encryptSecret } from "@/lib/twofactor/encryption";
import { replaceRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import { totpCodeAt } from "@/lib/twofactor/totp";
import { confirmEmailChange, requestEmailChange } from "@/lib/profile/email-change";
import { changePassword } from "./change-password";
import { activateTwoFactorHere } from "./two-factor-activation";
import { issueLink } from "./one-time-link";
import { fixtureHash } from "@/tests/support/password-fixture";
import { findResetTarget, resetPassword } from "./password-reset";
import { openSession } from "./sessions";

// A reset link, an email-change link or an emailed sign-in code sent before the account's email,
// password or second factor changed, or before it was blocked, must not work afterwards: whoever
// still reads the old mailbox would take the account over (second review, medium).

process.env.AUTH_SECRET ??= "unit-test-auth-secret";
process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";
vi.mock("next/server", () => ({ after: (fn: () => unknown) => fn() }));

const PASSWORD = "cheval agrafe batterie correcte";
const SECRET = "JBSWY3DPEHPK3PXP";
const ctx = { ip: "198.51.100.31", userAgent: "Vitest", requestId: "test" };
let db: Awaited<ReturnType<typeof freshDatabase>>;
let user: User;

beforeEach(async () => {
  db = await freshDatabase();
  [user] = (await db
    .insert(users)
    .values({
      email: "anne.muller@example.lu",
      role: "doctor",
      doctorKind: "medecin",
      firstName: "Anne",
      lastName: "Muller",
      passwordHash: await fixtureHash(PASSWORD),
    })
    .returning()) as [User];
});

/** Everything a mailbox may hold for the account, plus recovery codes, which must survive. */
async function mailEverything(): Promise<{ resetToken: string }> {
  const resetToken = await db.transaction((tx) => issueLink(tx, user.id, "password_reset", 60));
  expect(await requestEmailChange(user, "anne.nouvelle@example.lu")).toMatchObject({ kind: "sent" });
  await issueEmailCode(user.id);
  await db.transaction((tx) => replaceRecoveryCodes(tx, user.id));
  expect(await findResetTarget(resetToken)).not.toBeNull();
  return { resetToken };
}

async function unused(purpose: (typeof verifications.purpose.enumValues)[number]): Promise<number> {
  const rows = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.userId, user.id), eq(verifications.purpose, purpose), isNull(verifications.usedAt)));
  return rows.length;
}

async function expectMailedCodesVoided(resetToken: string) {
  expect(await findResetTarget(resetToken)).toBeNull();
  expect(await resetPassword(resetToken, "une toute autre phrase secrète")).toEqual({ kind: "invalid-link" });
  expect(await unused("password_reset")).toBe(0);
  expect(await unused("email_change")).toBe(0);
  expect(await unused("sign_in_email_code")).toBe(0);
  expect(await db.select().from(pendingEmailChanges).where(eq(pendingEmailChanges.userId, user.id))).toHaveLength(0);
  expect(await unused("recovery_code")).toBe(10);
}

describe("a change to the account voids what was mailed before it", () => {
  it("a password change", async () => {
    const { resetToken } = await mailEverything();
    const here = await openSession(db, user, ctx.ip, ctx.userAgent);
    expect(await changePassword(user, here.id, PASSWORD, "lanterne verte sur la moselle", ctx)).toMatchObject({ kind: "done" });
    await expectMailedCodesVoided(resetToken);
  });

  it("a password reset", async () => {
    await mailEverything();
    // Asking again voids the earlier link; the newest is used, and what else was mailed stops working.
    const fresh = await db.transaction((tx) => issueLink(tx, user.id, "password_reset", 60));
    expect(await resetPassword(fresh, "lanterne verte sur la moselle")).toMatchObject({ kind: "done" });
    await expectMailedCodesVoided(fresh);
  });

  it("an email change", async () => {
    const resetToken = await db.transaction((tx) => issueLink(tx, user.id, "password_reset", 60));
    await issueEmailCode(user.id);
    await db.transaction((tx) => replaceRecoveryCodes(tx, user.id));
    const changeToken = await db.transaction(async (tx) => {
      await tx.insert(pendingEmailChanges).values({ userId: user.id, newEmail: "anne.nouvelle@example.lu" });
      return issueLink(tx, user.id, "email_change", 60);
    });
    expect(await confirmEmailChange(changeToken)).toEqual({ kind: "done", newEmail: "anne.nouvelle@example.lu" });
    await expectMailedCodesVoided(resetToken);
  });

  it("two-factor turned on", async () => {
    const { resetToken } = await mailEverything();
    await db.insert(twoFactor).values({ userId: user.id, secretEncrypted: encryptSecret(SECRET) });
    const here = await openSession(db, user, ctx.ip, ctx.userAgent);
    const activated = await activateTwoFactorHere(user, totpCodeAt(SECRET, Date.now()), here.id);
    expect(activated.kind === "done" && activated.recoveryCodes).toHaveLength(10);
    // Activation gives ten new recovery codes; the mailed ones are gone.
    await expectMailedCodesVoided(resetToken);
  });

  it("two-factor turned off (support resetting a lost authenticator, or the user)", async () => {
    await db.insert(twoFactor).values({ userId: user.id, secretEncrypted: encryptSecret(SECRET), confirmedAt: new Date() });
    const { resetToken } = await mailEverything();
    await db.transaction((tx) => removeTwoFactor(tx, user.id));
    await expectMailedCodesVoided(resetToken);
  });

  it("the account blocked by a third wrong code", async () => {
    const { resetToken } = await mailEverything();
    for (let i = 0; i < 3; i++) await recordFailedCode(user.id);
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.status).toBe("blocked");
    await expectMailedCodesVoided(resetToken);
  });

  it("nothing is voided by what changes none of these (a counted attempt that does not block)", async () => {
    const { resetToken } = await mailEverything();
    await recordFailedCode(user.id);
    expect(await findResetTarget(resetToken)).not.toBeNull();
    expect(await unused("sign_in_email_code")).toBe(1);
  });
});
