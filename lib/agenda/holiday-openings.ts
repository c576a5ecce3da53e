import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import { holidayOpenings } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { parseDay } from "@/lib/time/luxembourg";
import type { AgendaAccess } from "./access";
import { publicHolidays } from "./holidays";
import { announceAgendaChange } from "./revisions";

// Public holidays are closed unless the practice opens one.

type Deps = { db?: Database };

export type HolidayStatus = { day: string; name: string; open: boolean };

export type SetHolidayResult = { kind: "done" } | { kind: "not-a-holiday" };

/** The public holidays of `year`, each with whether the practice opens it. */
export async function listHolidays(access: AgendaAccess, year: number, deps: Deps = {}): Promise<HolidayStatus[]> {
  const holidays = publicHolidays(year);
  const opened = await (deps.db ?? getDb())
    .select({ day: holidayOpenings.day })
    .from(holidayOpenings)
    .where(and(eq(holidayOpenings.doctorId, access.doctor.id), gte(holidayOpenings.day, `${year}-01-01`), lte(holidayOpenings.day, `${year}-12-31`)));
  const open = new Set(opened.map((o) => o.day));
  return holidays.map((h) => ({ ...h, open: open.has(h.day) }));
}

/** Opens (or closes again) the public holiday `day`; setting what is already set changes nothing. */
export async function setHolidayOpen(access: AgendaAccess, day: string, open: boolean, deps: Deps = {}): Promise<SetHolidayResult> {
  const parsed = parseDay(day);
  if (!parsed || !publicHolidays(Number(parsed.slice(0, 4))).some((h) => h.day === parsed)) return { kind: "not-a-holiday" };
  const doctorId = access.doctor.id;
  await (deps.db ?? getDb()).transaction(async (tx) => {
    await announceAgendaChange(tx, doctorId);
    if (open) await tx.insert(holidayOpenings).values({ doctorId, day: parsed, createdById: access.user.id }).onConflictDoNothing();
    else await tx.delete(holidayOpenings).where(and(eq(holidayOpenings.doctorId, doctorId), eq(holidayOpenings.day, parsed)));
  });
  return { kind: "done" };
}
