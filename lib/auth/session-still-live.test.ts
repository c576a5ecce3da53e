import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import { isSessionStillLive } from "./sessions";

// The check a long-lived connection (the chat's event stream) makes on its own session.
describe("isSessionStillLive", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let userId: string;
  beforeAll(async () => {
    db = await freshDatabase();
    const [u] = await db
      .insert(users)
      .values({ email: "live@example.lu", role: "doctor", doctorKind: "medecin", firstName: "A", lastName: "B" })
      .returning();
    userId = u!.id;
  });
  const open = async (values: Partial<typeof sessions.$inferInsert> = {}) => {
    const [s] = await db
      .insert(sessions)
      .values({ userId, ip: "192.0.2.1", userAgent: "t", expiresAt: new Date(Date.now() + 3600_000), ...values })
      .returning();
    return s!;
  };

  it("is true for a live session of this user, and does not count as activity", async () => {
    const s = await open({ lastSeenAt: new Date(Date.now() - 30 * 60_000) });
    expect(await isSessionStillLive(s.id, userId, db)).toBe(true);
    const [after] = await db.select().from(sessions).where(eq(sessions.id, s.id));
    expect(after!.lastSeenAt.getTime()).toBe(s.lastSeenAt.getTime());
  });

  it("is false once revoked, expired, idle for an hour, for another user, or when the account is blocked", async () => {
    expect(await isSessionStillLive((await open({ revokedAt: new Date() })).id, userId, db)).toBe(false);
    expect(await isSessionStillLive((await open({ expiresAt: new Date(Date.now() - 1000) })).id, userId, db)).toBe(false);
    expect(await isSessionStillLive((await open({ lastSeenAt: new Date(Date.now() - 61 * 60_000) })).id, userId, db)).toBe(false);
    const [other] = await db
      .insert(users)
      .values({ email: "other@example.lu", role: "doctor", doctorKind: "medecin", firstName: "C", lastName: "D" })
      .returning();
    const live = await open();
    expect(await isSessionStillLive(live.id, other!.id, db)).toBe(false);
    await db
      .update(users)
      .set({ status: "blocked", blockedAt: sql`now()` })
      .where(eq(users.id, userId));
    expect(await isSessionStillLive(live.id, userId, db)).toBe(false);
  });
});
