import { beforeEach, describe, expect, it, vi } from "vitest";
import { twoFactor, users, type User } from "@/db/schema";
import { fixtureHash } from "@/tests/support/password-fixture";
import { findLiveSession, openSession } from "./sessions";
import { freshDatabase } from "@/tests/support/test-db";
import { encryptSecret } from "@/lib/twofactor/encryption";
import { activateTwoFactorHere } from "./two-factor-activation";
import { totpCodeAt } from "@/lib/twofactor/totp";

process.env.AUTH_SECRET ??= "unit-test-auth-secret";
process.env.AUTH_ENCRYPTION_KEY ??= "unit-test-encryption-key";
vi.mock("next/server", () => ({ after: (fn: () => unknown) => fn() }));

const SECRET = "JBSWY3DPEHPK3PXP";
let db: Awaited<ReturnType<typeof freshDatabase>>;
let user: User;

beforeEach(async () => {
  db = await freshDatabase();
  [user] = (await db
    .insert(users)
    .values({
      email: "anne.muller@example.lu",
      role: "patient",
      firstName: "Anne",
      lastName: "Muller",
      passwordHash: await fixtureHash("cheval agrafe batterie correcte"),
    })
    .returning()) as [User];
  await db.insert(twoFactor).values({ userId: user.id, secretEncrypted: encryptSecret(SECRET) });
});

describe("activateTwoFactorHere", () => {
  it("ends the account's other sessions, not this one, as a password change does", async () => {
    const here = await openSession(db, user, "198.51.100.1", "Vitest");
    const elsewhere = await openSession(db, user, "203.0.113.9", "Autre navigateur");
    const activated = await activateTwoFactorHere(user, totpCodeAt(SECRET, Date.now()), here.id);
    expect(activated).toMatchObject({ kind: "done", endedSessions: 1 });
    expect(activated.kind === "done" && activated.recoveryCodes).toHaveLength(10);
    expect(await findLiveSession(here.id)).not.toBeNull();
    expect(await findLiveSession(elsewhere.id)).toBeNull();
  });

  it("ends nothing when the code is wrong", async () => {
    const here = await openSession(db, user, "198.51.100.1", "Vitest");
    const elsewhere = await openSession(db, user, "203.0.113.9", "Autre navigateur");
    expect(await activateTwoFactorHere(user, "000000", here.id)).toEqual({ kind: "wrong-code" });
    expect(await findLiveSession(elsewhere.id)).not.toBeNull();
  });
});
