import "server-only";
import { and, asc, count, eq, gt, lt, ne, sql, TransactionRollbackError } from "drizzle-orm";
import { absences, appointments } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import type { AgendaAccess } from "./access";
import type { AbsenceView } from "./calendar";
import { announceAgendaChange } from "./revisions";
import { absenceProblem, type AbsenceProblem } from "./rules";

// Absences (« congés », « formation »): times the practice is closed, whatever its weekly hours.
// Appointments already booked during one stay: the result says how many, for the practice to
// move or cancel them.

type Deps = { db?: Database };

export type CreateAbsenceResult = { kind: "done"; absenceId: string; appointmentsDuring: number } | { kind: "invalid"; problem: AbsenceProblem };

export type DeleteAbsenceResult = { kind: "done" } | { kind: "not-found" };

/** The doctor's absences ending after `from` (all of them without), in time order. */
export async function listAbsences(access: AgendaAccess, { from }: { from?: Date } = {}, deps: Deps = {}): Promise<AbsenceView[]> {
  return (deps.db ?? getDb())
    .select({ id: absences.id, startsAt: absences.startsAt, endsAt: absences.endsAt, label: absences.label })
    .from(absences)
    .where(and(eq(absences.doctorId, access.doctor.id), from ? gt(absences.endsAt, from) : undefined))
    .orderBy(asc(absences.startsAt));
}

export async function createAbsence(
  access: AgendaAccess,
  input: { startsAt: Date; endsAt: Date; label: string },
  deps: Deps = {},
): Promise<CreateAbsenceResult> {
  const problem = absenceProblem(input);
  if (problem) return { kind: "invalid", problem };
  const doctorId = access.doctor.id;
  return (deps.db ?? getDb()).transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    const [row] = await tx
      .insert(absences)
      .values({ doctorId, startsAt: input.startsAt, endsAt: input.endsAt, label: input.label.trim(), createdById: access.user.id })
      .returning({ id: absences.id });
    const [during] = await tx
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.doctorId, doctorId),
          ne(appointments.status, "cancelled"),
          lt(appointments.startsAt, input.endsAt),
          gt(appointments.endsAt, input.startsAt),
          // On the (doctor_id, starts_at) index: an appointment lasts at most 8 hours.
          gt(appointments.startsAt, sql`${input.startsAt.toISOString()}::timestamptz - interval '8 hours'`),
        ),
      );
    return { kind: "done" as const, absenceId: row!.id, appointmentsDuring: during?.n ?? 0 };
  });
}

export async function deleteAbsence(access: AgendaAccess, absenceId: string, deps: Deps = {}): Promise<DeleteAbsenceResult> {
  if (!isUuid(absenceId)) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  return (deps.db ?? getDb())
    .transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const deleted = await tx
        .delete(absences)
        .where(and(eq(absences.id, absenceId), eq(absences.doctorId, doctorId)))
        .returning({ id: absences.id });
      if (deleted.length === 0) tx.rollback();
      return { kind: "done" as const };
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return { kind: "not-found" as const };
      throw error;
    });
}
