import { beforeEach, describe, expect, it } from "vitest";
import { twoFactor, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { acceptTotp, confirmEnrolment, enrolmentSecret, hasTwoFactor } from "./authenticator";
import { encryptSecret } from "./encryption";
import { totpCodeAt } from "./totp";

const SECRET = "JBSWY3DPEHPK3PXP";
let db: Awaited<ReturnType<typeof freshDatabase>>;
let userId: string;

beforeEach(async () => {
  process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";
  db = await freshDatabase();
  const [user] = await db.insert(users).values({ email: "totp@example.lu", role: "patient", firstName: "A", lastName: "B" }).returning();
  userId = user!.id;
});

describe("acceptTotp", () => {
  beforeEach(async () => {
    await db.insert(twoFactor).values({ userId, secretEncrypted: encryptSecret(SECRET), confirmedAt: new Date() });
  });

  it("accepts a valid code once: the same code a second time is a replay, told apart as used", async () => {
    const code = totpCodeAt(SECRET);
    expect(await db.transaction((tx) => acceptTotp(tx, userId, code))).toBe("accepted");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, code))).toBe("used");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, code))).toBe("used");
  });

  it("refuses an older step once a newer one was accepted, as used", async () => {
    const now = Date.now();
    expect(await db.transaction((tx) => acceptTotp(tx, userId, totpCodeAt(SECRET, now + 30_000)))).toBe("accepted");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, totpCodeAt(SECRET, now)))).toBe("used");
  });

  it("refuses a wrong code as wrong, before and after a code was used", async () => {
    const now = Date.now();
    const near = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpCodeAt(SECRET, now + d)));
    const wrong = ["000000", "111111", "222222"].find((c) => !near.has(c))!;
    expect(await db.transaction((tx) => acceptTotp(tx, userId, wrong))).toBe("wrong");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, totpCodeAt(SECRET)))).toBe("accepted");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, wrong))).toBe("wrong");
  });

  it("a code used in a transaction that rolled back is not used", async () => {
    const code = totpCodeAt(SECRET);
    await expect(
      db.transaction(async (tx) => {
        expect(await acceptTotp(tx, userId, code)).toBe("accepted");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.transaction((tx) => acceptTotp(tx, userId, code))).toBe("accepted");
  });
});

describe("enrolment", () => {
  it("is off until a valid code confirms the secret, and the secret is stored encrypted", async () => {
    const secret = (await enrolmentSecret(userId, true))!;
    expect(await hasTwoFactor(userId)).toBe(false);
    const [row] = await db.select().from(twoFactor);
    expect(row!.secretEncrypted).not.toContain(secret);

    expect(await db.transaction((tx) => confirmEnrolment(tx, userId, "000000"))).toBe(totpCodeAt(secret) === "000000");
    expect(await db.transaction((tx) => confirmEnrolment(tx, userId, totpCodeAt(secret)))).toBe(true);
    expect(await hasTwoFactor(userId)).toBe(true);
    // The confirming code cannot be used again to sign in.
    expect(await db.transaction((tx) => acceptTotp(tx, userId, totpCodeAt(secret)))).toBe("used");
  });

  it("keeps the same secret across reloads, and gives none once confirmed", async () => {
    const first = await enrolmentSecret(userId, true);
    expect(await enrolmentSecret(userId, false)).toBe(first);
    await db.transaction((tx) => confirmEnrolment(tx, userId, totpCodeAt(first!)));
    expect(await enrolmentSecret(userId, true)).toBeNull();
  });
});
