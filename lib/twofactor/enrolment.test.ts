import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { emailOutbox, twoFactor, users, type User } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { encryptSecret } from "./encryption";
import { deactivateTwoFactor } from "./enrolment";
import { totpCodeAt } from "./totp";

// Turning one's own second factor off: the rule that support keeps it lives here, in the domain,
// so a forged form on /securite cannot get round it; the page only maps the result to a sentence.

process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";
vi.mock("next/server", () => ({ after: (fn: () => unknown) => fn() }));

const SECRET = "JBSWY3DPEHPK3PXP";
let db: Awaited<ReturnType<typeof freshDatabase>>;

async function userWithTwoFactor(role: "doctor" | "support"): Promise<User> {
  const [user] = (await db
    .insert(users)
    .values({
      email: `${role}@example.lu`,
      role,
      doctorKind: role === "doctor" ? "medecin" : null,
      firstName: "Anne",
      lastName: "Muller",
      passwordHash: "x",
    })
    .returning()) as [User];
  await db.insert(twoFactor).values({ userId: user.id, secretEncrypted: encryptSecret(SECRET), confirmedAt: new Date() });
  return user;
}

const hasTwoFactor = async (user: User) => (await db.select().from(twoFactor).where(eq(twoFactor.userId, user.id))).length === 1;

beforeEach(async () => {
  db = await freshDatabase();
});

describe("deactivateTwoFactor", () => {
  it("refuses support, even with a right code: the second factor stays and no email goes", async () => {
    const support = await userWithTwoFactor("support");
    expect(await deactivateTwoFactor(support, totpCodeAt(SECRET, Date.now()))).toEqual({ kind: "required-for-role" });
    expect(await hasTwoFactor(support)).toBe(true);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  it("turns a doctor's off with a right code, and refuses a wrong one", async () => {
    const doctor = await userWithTwoFactor("doctor");
    expect(await deactivateTwoFactor(doctor, "000000")).toEqual({ kind: "wrong-code" });
    expect(await hasTwoFactor(doctor)).toBe(true);
    expect(await deactivateTwoFactor(doctor, totpCodeAt(SECRET, Date.now()))).toEqual({ kind: "done" });
    expect(await hasTwoFactor(doctor)).toBe(false);
  });
});
