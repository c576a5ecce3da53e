import "server-only";
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { sessions, users, type Session, type User } from "@/db/schema";
import { recordConnection } from "@/lib/audit/connection-log";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";

/** A session ends 12 hours after sign-in, or after 1 hour without a request. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 60 * 60;
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_SECONDS = 60;

export type LiveSession = { session: Session; user: User };

/**
 * Opens a session after a complete sign-in and records the connection, inside the caller's
 * transaction: there is never a session without its history row.
 */
export async function openSession(tx: Database, user: Pick<User, "id">, ip: string, userAgent: string): Promise<Session> {
  const [session] = await tx
    .insert(sessions)
    .values({ userId: user.id, ip, userAgent, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) })
    .returning();
  await recordConnection(tx, { accountId: user.id, actorId: user.id, mode: "direct", sessionId: session!.id, ip, userAgent });
  return session!;
}

/** The session and its user if the session is still valid, else null. Refreshes last_seen_at. */
export async function findLiveSession(sessionId: string): Promise<LiveSession | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await getDb()
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  const { session, user } = row;
  if (session.revokedAt || session.expiresAt.getTime() <= now || user.status !== "active") return null;
  if (session.lastSeenAt.getTime() < now - SESSION_IDLE_SECONDS * 1000) {
    await revokeSession(session.id, "inactivité");
    return null;
  }
  if (session.lastSeenAt.getTime() < now - TOUCH_EVERY_SECONDS * 1000) {
    await getDb()
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.id, session.id), lt(sessions.lastSeenAt, new Date(now - TOUCH_EVERY_SECONDS * 1000))));
  }
  return row;
}

/**
 * Whether a session is still live, for a long-lived connection (the chat's event stream) checking
 * on itself. Unlike findLiveSession it never touches last_seen_at: an open tab's background
 * traffic is not activity, and must not keep a session from ending after an hour idle.
 */
export async function isSessionStillLive(sessionId: string, userId: string, db: Database = getDb()): Promise<boolean> {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
        eq(users.status, "active"),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function revokeSession(sessionId: string, reason: string): Promise<void> {
  await getDb()
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Ends every open session of a user (blocked account, password reset, support action) and says how
 * many it ended (support's audit row records it).
 */
export async function revokeAllSessions(userId: string, reason: string, tx: Pick<Database, "update"> = getDb()): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** The user's sessions still open, most recently used first (the security page lists them). */
export async function listOpenSessions(userId: string): Promise<Session[]> {
  return getDb()
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

export type RevokeOwnSessionResult = { kind: "done" } | { kind: "not-found" };

/** Ends one of the user's own sessions; « not-found » when the id is not an open session of this user. */
export async function revokeOwnSession(userId: string, sessionId: string): Promise<RevokeOwnSessionResult> {
  const ended = await getDb()
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: "déconnectée par l'utilisateur" })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0 ? { kind: "done" } : { kind: "not-found" };
}

/** « Déconnecter les autres sessions »: every open session of the user but `keep`. */
export async function revokeOtherSessions(
  userId: string,
  keep: string,
  tx: Pick<Database, "update"> = getDb(),
  reason = "déconnectée par l'utilisateur",
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keep), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}
