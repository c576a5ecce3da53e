import "server-only";
import { and, asc, gt, gte, inArray, lt, lte } from "drizzle-orm";
import { absences, holidayOpenings, openingHours } from "@/db/schema";
import type { Database } from "@/lib/db";
import { dayBounds, instantToWallClock } from "@/lib/time/luxembourg";
import { publicHolidaysBetween } from "./holidays";
import { withinOpenHours, type IsoWeekday, type OpeningInterval, type Span } from "./hours";

// What decides when a doctor's practice is open over a range of days: weekly hours, absences, and
// which public holidays it opened. One query per table, for one or several doctors.

export type AbsenceView = { id: string; startsAt: Date; endsAt: Date; label: string };

export type DoctorCalendar = {
  hours: OpeningInterval[];
  absences: AbsenceView[];
  /** Public holidays within the range that stay closed (not opened by the practice). */
  closedHolidays: Set<string>;
};

/** The calendars of `doctorIds` from calendar day `from` to `to` (both included). */
export async function loadCalendars(db: Database, doctorIds: readonly string[], from: string, to: string): Promise<Map<string, DoctorCalendar>> {
  const calendars = new Map<string, DoctorCalendar>();
  if (doctorIds.length === 0) return calendars;
  const ids = [...doctorIds];
  const start = dayBounds(from).start;
  const end = dayBounds(to).end;
  const [hours, absent, opened] = await Promise.all([
    db.select().from(openingHours).where(inArray(openingHours.doctorId, ids)).orderBy(asc(openingHours.weekday), asc(openingHours.startMinute)),
    db
      .select()
      .from(absences)
      .where(and(inArray(absences.doctorId, ids), lt(absences.startsAt, end), gt(absences.endsAt, start)))
      .orderBy(asc(absences.startsAt)),
    db
      .select()
      .from(holidayOpenings)
      .where(and(inArray(holidayOpenings.doctorId, ids), gte(holidayOpenings.day, from), lte(holidayOpenings.day, to))),
  ]);
  const holidays = publicHolidaysBetween(from, to).map((h) => h.day);
  for (const id of ids) {
    const openedDays = new Set(opened.filter((o) => o.doctorId === id).map((o) => o.day));
    calendars.set(id, {
      hours: hours
        .filter((h) => h.doctorId === id)
        .map((h) => ({ weekday: h.weekday as IsoWeekday, startMinute: h.startMinute, endMinute: h.endMinute })),
      absences: absent.filter((a) => a.doctorId === id).map((a) => ({ id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, label: a.label })),
      closedHolidays: new Set(holidays.filter((day) => !openedDays.has(day))),
    });
  }
  return calendars;
}

export function absenceSpans(calendar: DoctorCalendar): Span[] {
  return calendar.absences.map((a) => ({ start: a.startsAt, end: a.endsAt }));
}

/** Whether the doctor's practice is open for the whole of [startsAt, endsAt). */
export async function isWithinOpeningHours(db: Database, doctorId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  const from = instantToWallClock(startsAt).day;
  const to = instantToWallClock(new Date(endsAt.getTime() - 1)).day;
  const calendar = (await loadCalendars(db, [doctorId], from, to)).get(doctorId)!;
  return withinOpenHours(startsAt, endsAt, calendar.hours, absenceSpans(calendar), calendar.closedHolidays);
}
