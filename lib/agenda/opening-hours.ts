import "server-only";
import { asc, eq } from "drizzle-orm";
import { openingHours } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import type { AgendaAccess } from "./access";
import { openingHoursProblems, type HoursProblem, type IsoWeekday, type OpeningInterval } from "./hours";
import { announceAgendaChange } from "./revisions";

// A doctor's weekly opening hours, read and replaced whole (the settings form sends the week).

type Deps = { db?: Database };

export type ReplaceHoursResult = { kind: "done" } | { kind: "invalid"; problems: { index: number; problem: HoursProblem }[] };

/** The doctor's hours, by weekday then start. */
export async function readOpeningHours(access: AgendaAccess, deps: Deps = {}): Promise<OpeningInterval[]> {
  const rows = await (deps.db ?? getDb())
    .select()
    .from(openingHours)
    .where(eq(openingHours.doctorId, access.doctor.id))
    .orderBy(asc(openingHours.weekday), asc(openingHours.startMinute));
  return rows.map((r) => ({ weekday: r.weekday as IsoWeekday, startMinute: r.startMinute, endMinute: r.endMinute }));
}

/**
 * Replaces the whole week in one transaction (delete, insert), after the same checks as the form;
 * the exclusion constraint opening_hours_no_overlap is the backstop.
 */
export async function replaceOpeningHours(access: AgendaAccess, intervals: readonly OpeningInterval[], deps: Deps = {}): Promise<ReplaceHoursResult> {
  const problems = openingHoursProblems(intervals);
  if (problems.length) return { kind: "invalid", problems };
  const doctorId = access.doctor.id;
  await (deps.db ?? getDb()).transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    await tx.delete(openingHours).where(eq(openingHours.doctorId, doctorId));
    if (intervals.length) {
      await tx
        .insert(openingHours)
        .values(intervals.map((i) => ({ doctorId, weekday: i.weekday, startMinute: i.startMinute, endMinute: i.endMinute })));
    }
  });
  return { kind: "done" };
}
