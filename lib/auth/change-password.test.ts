import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, users, type User } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { changePassword } from "./change-password";
import { verifyPassword } from "./password-hash";
import { fixtureHash } from "@/tests/support/password-fixture";
import { findLiveSession, openSession } from "./sessions";

const OLD = "cheval agrafe batterie correcte";
const NEW = "lanterne verte sur la moselle";
const ctx = { ip: "198.51.100.30", userAgent: "Vitest", requestId: "test" };
let db: Awaited<ReturnType<typeof freshDatabase>>;
let user: User;

beforeEach(async () => {
  db = await freshDatabase();
  [user] = (await db
    .insert(users)
    .values({ email: "luc.reding@example.lu", role: "patient", firstName: "Luc", lastName: "Reding", passwordHash: await fixtureHash(OLD) })
    .returning()) as [User];
});

const stored = async () => (await db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash!;

describe("changePassword", () => {
  it("needs the current password, a different and strong new one; refused, nothing changes", async () => {
    const here = await openSession(db, user, ctx.ip, ctx.userAgent);
    expect(await changePassword(user, here.id, "pas le bon", NEW, ctx)).toEqual({ kind: "wrong-password" });
    expect(await changePassword(user, here.id, OLD, OLD, ctx)).toEqual({ kind: "same-password" });
    expect(await changePassword(user, here.id, OLD, "luc.reding@example.lu", ctx)).toMatchObject({ kind: "weak-password" });
    expect(await changePassword(user, here.id, OLD, "LucReding2026!!", ctx)).toMatchObject({ kind: "weak-password" });
    expect(await verifyPassword(await stored(), OLD)).toBe(true);
    expect(await db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("sets the new password, ends the other sessions but this one, and tells the user by email", async () => {
    const here = await openSession(db, user, ctx.ip, ctx.userAgent);
    const elsewhere = await openSession(db, user, "203.0.113.9", "Autre navigateur");
    expect(await changePassword(user, here.id, OLD, NEW, ctx)).toEqual({ kind: "done", endedSessions: 1 });
    expect(await verifyPassword(await stored(), NEW)).toBe(true);
    expect(await verifyPassword(await stored(), OLD)).toBe(false);
    expect(await findLiveSession(here.id)).not.toBeNull();
    expect(await findLiveSession(elsewhere.id)).toBeNull();
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "luc.reding@example.lu"));
    expect(mail?.text).toContain("vos autres sessions ont été fermées");
  });
});
