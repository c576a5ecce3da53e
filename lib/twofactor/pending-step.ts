import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { pendingSignIns, users, type Role, type User } from "@/db/schema";
import { secureCookiesEnabled } from "@/config/env";
import { getDb, type Database } from "@/lib/db";
import { hashOneTimeSecret, randomToken } from "./secret-hash";

// Between a right password and a right code there is no session: only this row, bound to the
// browser by an HttpOnly cookie that holds a random token (the row keeps its hash).

export const PENDING_STEP_MINUTES = 10;

function cookieName(): string {
  return secureCookiesEnabled() ? "__Host-doctipro-2fa" : "doctipro-2fa";
}

export type PendingStep = { id: string; portal: Role; kind: "verify" | "enrol"; user: User };

export async function startPendingStep(userId: string, portal: Role, kind: PendingStep["kind"]): Promise<void> {
  const token = randomToken();
  await getDb()
    .insert(pendingSignIns)
    .values({
      tokenHash: hashOneTimeSecret("pending", token),
      userId,
      portal,
      kind,
      expiresAt: new Date(Date.now() + PENDING_STEP_MINUTES * 60_000),
    });
  (await cookies()).set(cookieName(), token, {
    httpOnly: true,
    secure: secureCookiesEnabled(),
    sameSite: "lax",
    path: "/",
    maxAge: PENDING_STEP_MINUTES * 60,
  });
}

/** The browser's pending step if it is still usable (not expired, not consumed), else null. */
export async function currentPendingStep(): Promise<PendingStep | null> {
  const token = (await cookies()).get(cookieName())?.value;
  if (!token || token.length > 100) return null;
  const [row] = await getDb()
    .select({ id: pendingSignIns.id, portal: pendingSignIns.portal, kind: pendingSignIns.kind, user: users })
    .from(pendingSignIns)
    .innerJoin(users, eq(users.id, pendingSignIns.userId))
    .where(
      and(
        eq(pendingSignIns.tokenHash, hashOneTimeSecret("pending", token)),
        isNull(pendingSignIns.consumedAt),
        gt(pendingSignIns.expiresAt, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Whether the step is still usable, read in the caller's transaction. */
export async function pendingStepLive(tx: Database, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: pendingSignIns.id })
    .from(pendingSignIns)
    .where(and(eq(pendingSignIns.id, id), isNull(pendingSignIns.consumedAt), gt(pendingSignIns.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(row);
}

/** Uses the step up, once: false when another request already did (replayed cookie). */
export async function consumePendingStep(tx: Database, id: string): Promise<boolean> {
  const [row] = await tx
    .update(pendingSignIns)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(pendingSignIns.id, id), isNull(pendingSignIns.consumedAt)))
    .returning({ id: pendingSignIns.id });
  return Boolean(row);
}

/** Ends every pending step of a user (password reset, enrolment), but `keep` if given. */
export async function voidPendingSteps(tx: Database, userId: string, keep?: string): Promise<void> {
  await tx
    .update(pendingSignIns)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(pendingSignIns.userId, userId), isNull(pendingSignIns.consumedAt), keep ? ne(pendingSignIns.id, keep) : undefined));
}

export async function clearPendingCookie(): Promise<void> {
  (await cookies()).delete(cookieName());
}
