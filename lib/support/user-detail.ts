import "server-only";
import { and, count, desc, eq, isNull, gt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { connectionLog, secretaryDoctors, sessions, users, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { hasTwoFactor } from "@/lib/twofactor/authenticator";

export type LinkedUser = Pick<User, "id" | "email" | "title" | "firstName" | "lastName">;

/** Everything support sees on a user's page. Null when the id matches nobody. */
export async function userDetail(userId: string) {
  const db = getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const linked = { id: users.id, email: users.email, title: users.title, firstName: users.firstName, lastName: users.lastName };
  const actor = alias(users, "actor");
  const [twoFactorOn, openSessions, history, doctors, secretaries, [otherSupport]] = await Promise.all([
    hasTwoFactor(user.id),
    db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
      .orderBy(desc(sessions.lastSeenAt)),
    db
      .select({ at: connectionLog.at, ip: connectionLog.ip, mode: connectionLog.mode, userAgent: connectionLog.userAgent, actorEmail: actor.email })
      .from(connectionLog)
      .innerJoin(actor, eq(actor.id, connectionLog.actorId))
      .where(eq(connectionLog.accountId, user.id))
      .orderBy(desc(connectionLog.at), desc(connectionLog.id))
      .limit(20),
    db
      .select(linked)
      .from(secretaryDoctors)
      .innerJoin(users, eq(users.id, secretaryDoctors.doctorId))
      .where(eq(secretaryDoctors.secretaryId, user.id)),
    db
      .select(linked)
      .from(secretaryDoctors)
      .innerJoin(users, eq(users.id, secretaryDoctors.secretaryId))
      .where(eq(secretaryDoctors.doctorId, user.id)),
    // Whether « Bloquer » applies to a support account: never to the last active one.
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "support"), eq(users.status, "active"), ne(users.id, user.id))),
  ]);
  return { user, twoFactorOn, openSessions, history, doctors, secretaries, otherActiveSupport: otherSupport?.n ?? 0 };
}
