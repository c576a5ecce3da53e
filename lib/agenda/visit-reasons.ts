import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { appointments, visitReasons } from "@/db/schema";
import { FOREIGN_KEY_VIOLATION, isDatabaseError, UNIQUE_VIOLATION } from "@/db/errors";
import type { VisitReasonColour } from "@/db/visit-reason-colours";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import type { AgendaAccess } from "./access";
import { isVisitReasonColour } from "./palette";
import { announceAgendaChange } from "./revisions";

// A doctor's reasons for visit (« motifs »): label, usual duration, colour, order, active or not.
// A motif some appointment uses is never deleted, only made inactive (it disappears from the
// choices for new appointments and stays on the old ones).

type Deps = { db?: Database };

export const MAX_MOTIF_LABEL = 60;
export const MIN_MOTIF_MINUTES = 5;
export const MAX_MOTIF_MINUTES = 240;

export type VisitReason = { id: string; label: string; durationMinutes: number; colour: VisitReasonColour; position: number; active: boolean };

export type VisitReasonInput = { label: string; durationMinutes: number; colour: VisitReasonColour; active?: boolean };

export type VisitReasonProblem = "motif-label" | "motif-duration" | "motif-colour";

export type SaveVisitReasonResult =
  { kind: "done"; visitReasonId: string } | { kind: "invalid"; problem: VisitReasonProblem } | { kind: "duplicate-label" } | { kind: "not-found" };

export type ReorderResult = { kind: "done" } | { kind: "invalid"; problem: "ids" };
export type DeleteVisitReasonResult = { kind: "done" } | { kind: "not-found" } | { kind: "in-use" };
export type SetActiveResult = { kind: "done" } | { kind: "not-found" };

export function visitReasonProblem(input: VisitReasonInput): VisitReasonProblem | null {
  const length = [...input.label.trim()].length;
  if (length < 1 || length > MAX_MOTIF_LABEL) return "motif-label";
  const d = input.durationMinutes;
  if (!Number.isInteger(d) || d < MIN_MOTIF_MINUTES || d > MAX_MOTIF_MINUTES || d % 5 !== 0) return "motif-duration";
  if (!isVisitReasonColour(input.colour)) return "motif-colour";
  return null;
}

function toView(row: typeof visitReasons.$inferSelect): VisitReason {
  return {
    id: row.id,
    label: row.label,
    durationMinutes: row.durationMinutes,
    colour: row.colour as VisitReasonColour,
    position: row.position,
    active: row.active,
  };
}

/** The doctor's motifs in their order; inactive ones only when asked (settings). */
export async function listVisitReasons(access: AgendaAccess, { includeInactive = false } = {}, deps: Deps = {}): Promise<VisitReason[]> {
  const rows = await (deps.db ?? getDb())
    .select()
    .from(visitReasons)
    .where(and(eq(visitReasons.doctorId, access.doctor.id), includeInactive ? undefined : eq(visitReasons.active, true)))
    .orderBy(asc(visitReasons.position), asc(sql`lower(${visitReasons.label})`));
  return rows.map(toView);
}

async function saving(write: () => Promise<SaveVisitReasonResult>): Promise<SaveVisitReasonResult> {
  try {
    return await write();
  } catch (error) {
    if (isDatabaseError(error, UNIQUE_VIOLATION, "visit_reasons_doctor_label_key")) return { kind: "duplicate-label" };
    throw error;
  }
}

/** A new motif, placed last. */
export async function createVisitReason(access: AgendaAccess, input: VisitReasonInput, deps: Deps = {}): Promise<SaveVisitReasonResult> {
  const problem = visitReasonProblem(input);
  if (problem) return { kind: "invalid", problem };
  const doctorId = access.doctor.id;
  return saving(() =>
    (deps.db ?? getDb()).transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const [row] = await tx
        .insert(visitReasons)
        .values({
          doctorId,
          label: input.label.trim(),
          durationMinutes: input.durationMinutes,
          colour: input.colour,
          active: input.active ?? true,
          position: sql`(SELECT coalesce(max(position) + 1, 0) FROM visit_reasons WHERE doctor_id = ${doctorId})`,
        })
        .returning({ id: visitReasons.id });
      return { kind: "done" as const, visitReasonId: row!.id };
    }),
  );
}

/** Changes a motif. Appointments already booked keep their own times. */
export async function updateVisitReason(
  access: AgendaAccess,
  visitReasonId: string,
  input: VisitReasonInput,
  deps: Deps = {},
): Promise<SaveVisitReasonResult> {
  const problem = visitReasonProblem(input);
  if (problem) return { kind: "invalid", problem };
  if (!isUuid(visitReasonId)) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  return saving(() =>
    (deps.db ?? getDb()).transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const updated = await tx
        .update(visitReasons)
        .set({
          label: input.label.trim(),
          durationMinutes: input.durationMinutes,
          colour: input.colour,
          ...(input.active === undefined ? {} : { active: input.active }),
          updatedAt: sql`now()`,
        })
        .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
        .returning({ id: visitReasons.id });
      return updated.length ? { kind: "done" as const, visitReasonId } : { kind: "not-found" as const };
    }),
  );
}

export async function setVisitReasonActive(access: AgendaAccess, visitReasonId: string, active: boolean, deps: Deps = {}): Promise<SetActiveResult> {
  if (!isUuid(visitReasonId)) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  return (deps.db ?? getDb()).transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    const updated = await tx
      .update(visitReasons)
      .set({ active, updatedAt: sql`now()` })
      .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
      .returning({ id: visitReasons.id });
    return updated.length ? { kind: "done" as const } : { kind: "not-found" as const };
  });
}

/** Puts the doctor's motifs in the order of `ids`, which must name each of them once. */
export async function reorderVisitReasons(access: AgendaAccess, ids: readonly string[], deps: Deps = {}): Promise<ReorderResult> {
  const doctorId = access.doctor.id;
  const db = deps.db ?? getDb();
  return db.transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    const existing = await tx.select({ id: visitReasons.id }).from(visitReasons).where(eq(visitReasons.doctorId, doctorId));
    const known = new Set(existing.map((r) => r.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id)))
      return { kind: "invalid" as const, problem: "ids" as const };
    for (const [position, id] of ids.entries()) {
      await tx
        .update(visitReasons)
        .set({ position, updatedAt: sql`now()` })
        .where(and(eq(visitReasons.id, id), eq(visitReasons.doctorId, doctorId)));
    }
    return { kind: "done" as const };
  });
}

/** Deletes a motif no appointment uses; one in use is « in-use » (make it inactive instead). */
export async function deleteVisitReason(access: AgendaAccess, visitReasonId: string, deps: Deps = {}): Promise<DeleteVisitReasonResult> {
  if (!isUuid(visitReasonId)) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  const db = deps.db ?? getDb();
  const [used] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.doctorId, doctorId), eq(appointments.visitReasonId, visitReasonId)))
    .limit(1);
  if (used) return { kind: "in-use" };
  try {
    return await db.transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const deleted = await tx
        .delete(visitReasons)
        .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
        .returning({ id: visitReasons.id });
      return deleted.length ? { kind: "done" as const } : { kind: "not-found" as const };
    });
  } catch (error) {
    // Booked between the check and the delete: the foreign key keeps the motif.
    if (isDatabaseError(error, FOREIGN_KEY_VIOLATION)) return { kind: "in-use" };
    throw error;
  }
}
