import "server-only";
import { and, asc, gt, inArray, max, sql } from "drizzle-orm";
import { agendaRevisions } from "@/db/schema";
import type { Database } from "@/lib/db";

// How open agendas learn that a doctor's agenda changed (same pattern as the chat, docs/decisions/
// 0011): every write bumps the doctor's revision from a sequence and sends a NOTIFY, both in the
// writer's transaction, so the signal leaves at commit. The signal carries the doctor id only;
// each stream re-reads what its own user may see.

/** The channel shared by every live event (chat and agenda); payload « agenda:<doctor id> ». */
export const EVENTS_CHANNEL = "doctipro_events";
export const AGENDA_EVENT_PREFIX = "agenda:";

/**
 * Marks the doctor's agenda changed, inside the writer's transaction. Takes the doctor's revision
 * row lock until commit, so changes to one agenda are serialised (and never deadlock: one row).
 * One statement: the bump, then the NOTIFY of the row it returned.
 */
export async function announceAgendaChange(tx: Database, doctorId: string): Promise<number> {
  const result = await tx.execute(sql`
    WITH bumped AS (
      INSERT INTO ${agendaRevisions} (doctor_id) VALUES (${doctorId})
      ON CONFLICT (doctor_id) DO UPDATE SET revision = nextval('agenda_revision')
      RETURNING revision
    )
    SELECT revision, pg_notify(${EVENTS_CHANNEL}, ${AGENDA_EVENT_PREFIX + doctorId}) FROM bumped`);
  const [row] = (result as unknown as { rows: { revision: number | string }[] }).rows;
  return Number(row!.revision);
}

/** The doctor id of an agenda event payload, or null for another kind of event. */
export function agendaEventDoctor(payload: string): string | null {
  return payload.startsWith(AGENDA_EVENT_PREFIX) ? payload.slice(AGENDA_EVENT_PREFIX.length) : null;
}

/** Current revision of each doctor's agenda (0 for an agenda never changed). */
export async function agendaRevisionsOf(db: Database, doctorIds: readonly string[]): Promise<Map<string, number>> {
  const found = new Map(doctorIds.map((id) => [id, 0]));
  if (doctorIds.length === 0) return found;
  const rows = await db
    .select({ doctorId: agendaRevisions.doctorId, revision: agendaRevisions.revision })
    .from(agendaRevisions)
    .where(inArray(agendaRevisions.doctorId, [...doctorIds]));
  for (const row of rows) found.set(row.doctorId, Number(row.revision));
  return found;
}

/** The highest revision so far: a poller's starting cursor (PGlite). */
export async function latestAgendaRevision(db: Database): Promise<number> {
  const [row] = await db.select({ top: max(agendaRevisions.revision) }).from(agendaRevisions);
  return Number(row?.top ?? 0);
}

/** Agendas changed after `cursor`, oldest change first (PGlite's poller). */
export async function agendaChangesAfter(db: Database, cursor: number, doctorIds?: readonly string[], limit = 500) {
  const rows = await db
    .select({ doctorId: agendaRevisions.doctorId, revision: agendaRevisions.revision })
    .from(agendaRevisions)
    .where(and(gt(agendaRevisions.revision, cursor), doctorIds ? inArray(agendaRevisions.doctorId, [...doctorIds]) : undefined))
    .orderBy(asc(agendaRevisions.revision))
    .limit(limit);
  return rows.map((r) => ({ doctorId: r.doctorId, revision: Number(r.revision) }));
}
