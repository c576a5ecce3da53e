import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { appointmentCancelLinks, appointments, onlineBookingSettings } from "@/db/schema";
import type { Database } from "@/lib/db";
import { hashOneTimeSecret, randomToken } from "@/lib/twofactor/secret-hash";

// The link in a confirmation email cancels without signing in. It carries a random token, never the
// appointment id or the calendar UID; only the token's HMAC is stored, so a copy of the database
// cancels nothing. Valid once, until the practice's cancellation deadline.

const PURPOSE = "appointment_cancel_link";

/** Practices without settings keep the column's default deadline. */
export const DEFAULT_CANCELLATION_DEADLINE_HOURS = 24;

export function hashCancelToken(token: string): string {
  return hashOneTimeSecret(PURPOSE, token);
}

/** The last instant a patient may cancel (or move) the appointment themself. */
export function cancellationDeadline(startsAt: Date, deadlineHours: number | null | undefined): Date {
  return new Date(startsAt.getTime() - (deadlineHours ?? DEFAULT_CANCELLATION_DEADLINE_HOURS) * 3_600_000);
}

/**
 * A new cancel link for the appointment, written in the caller's transaction (the worker's, as it
 * writes the confirmation email). Null once the deadline has passed: the email then says to call.
 */
export async function createCancelLink(tx: Database, appointmentId: string, now: Date = new Date()): Promise<string | null> {
  const [row] = await tx
    .select({ startsAt: appointments.startsAt, deadlineHours: onlineBookingSettings.cancellationDeadlineHours })
    .from(appointments)
    .leftJoin(onlineBookingSettings, eq(onlineBookingSettings.doctorId, appointments.doctorId))
    .where(eq(appointments.id, appointmentId));
  if (!row) return null;
  const expiresAt = cancellationDeadline(row.startsAt, row.deadlineHours);
  if (expiresAt.getTime() <= now.getTime()) return null;
  const token = randomToken();
  await tx.insert(appointmentCancelLinks).values({ appointmentId, tokenHash: hashCancelToken(token), expiresAt });
  return token;
}

/** The appointment's unused links end at its new deadline, in the caller's transaction (a move). */
export async function followCancelLinks(
  tx: Database,
  appointmentId: string,
  startsAt: Date,
  deadlineHours: number | null | undefined,
): Promise<void> {
  await tx
    .update(appointmentCancelLinks)
    .set({ expiresAt: cancellationDeadline(startsAt, deadlineHours) })
    .where(and(eq(appointmentCancelLinks.appointmentId, appointmentId), isNull(appointmentCancelLinks.usedAt)));
}

export type CancelLinkState =
  | { kind: "usable"; appointmentId: string; expiresAt: Date }
  | { kind: "used"; appointmentId: string }
  | { kind: "expired"; appointmentId: string }
  | { kind: "unknown" };

/** What a link opens, without using it: the page shows the appointment before the patient confirms. */
export async function cancelLinkState(db: Database, token: string, now: Date = new Date()): Promise<CancelLinkState> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return { kind: "unknown" };
  const [link] = await db
    .select({
      appointmentId: appointmentCancelLinks.appointmentId,
      expiresAt: appointmentCancelLinks.expiresAt,
      usedAt: appointmentCancelLinks.usedAt,
    })
    .from(appointmentCancelLinks)
    .where(eq(appointmentCancelLinks.tokenHash, hashCancelToken(token)));
  if (!link) return { kind: "unknown" };
  if (link.usedAt) return { kind: "used", appointmentId: link.appointmentId };
  if (link.expiresAt.getTime() <= now.getTime()) return { kind: "expired", appointmentId: link.appointmentId };
  return { kind: "usable", appointmentId: link.appointmentId, expiresAt: link.expiresAt };
}

/** Marks the link used in the caller's transaction; false when another request used it first. */
export async function useCancelLink(tx: Database, token: string): Promise<boolean> {
  const used = await tx
    .update(appointmentCancelLinks)
    .set({ usedAt: sql`now()` })
    .where(
      sql`${appointmentCancelLinks.tokenHash} = ${hashCancelToken(token)} AND ${appointmentCancelLinks.usedAt} IS NULL AND ${appointmentCancelLinks.expiresAt} > now()`,
    )
    .returning({ id: appointmentCancelLinks.id });
  return used.length === 1;
}
