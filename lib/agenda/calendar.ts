import "server-only";
import { and, asc, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
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

/**
 * One doctor's calendar from day `from` to `to` as three JSON columns of a single SELECT: a write
 * that checks opening hours (a booking, a move) asks them in the same query as its other checks,
 * one round trip instead of three. Read back with `calendarFromColumns`.
 */
export function calendarColumns(doctorId: string, from: string, to: string): SQL {
  const start = dayBounds(from).start.toISOString();
  const end = dayBounds(to).end.toISOString();
  return sql`
    (SELECT coalesce(json_agg(json_build_array(h.weekday, h.start_minute, h.end_minute) ORDER BY h.weekday, h.start_minute), '[]')
       FROM ${openingHours} h WHERE h.doctor_id = ${doctorId}) AS calendar_hours,
    (SELECT coalesce(json_agg(json_build_array(a.id, extract(epoch FROM a.starts_at) * 1000, extract(epoch FROM a.ends_at) * 1000, a.label) ORDER BY a.starts_at), '[]')
       FROM ${absences} a WHERE a.doctor_id = ${doctorId} AND a.starts_at < ${end}::timestamptz AND a.ends_at > ${start}::timestamptz) AS calendar_absences,
    (SELECT coalesce(json_agg(o.day::text), '[]')
       FROM ${holidayOpenings} o WHERE o.doctor_id = ${doctorId} AND o.day BETWEEN ${from}::date AND ${to}::date) AS calendar_opened`;
}

/** The columns of `calendarColumns`, as the drivers return them (JSON parsed, or its text). */
export type CalendarColumns = { calendar_hours: unknown; calendar_absences: unknown; calendar_opened: unknown };

const json = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

export function calendarFromColumns(row: CalendarColumns, from: string, to: string): DoctorCalendar {
  const opened = new Set(json<string[]>(row.calendar_opened));
  return {
    hours: json<[number, number, number][]>(row.calendar_hours).map(([weekday, startMinute, endMinute]) => ({
      weekday: weekday as IsoWeekday,
      startMinute,
      endMinute,
    })),
    absences: json<[string, number | string, number | string, string][]>(row.calendar_absences).map(([id, startsAt, endsAt, label]) => ({
      id,
      startsAt: new Date(Number(startsAt)),
      endsAt: new Date(Number(endsAt)),
      label,
    })),
    closedHolidays: new Set(
      publicHolidaysBetween(from, to)
        .map((h) => h.day)
        .filter((day) => !opened.has(day)),
    ),
  };
}

/** The calendar days [startsAt, endsAt) touches, in Luxembourg. */
export function daysOf(startsAt: Date, endsAt: Date): { from: string; to: string } {
  return { from: instantToWallClock(startsAt).day, to: instantToWallClock(new Date(endsAt.getTime() - 1)).day };
}

/** Whether [startsAt, endsAt) lies wholly within the open time of `calendar`. */
export function isWithinCalendar(calendar: DoctorCalendar, startsAt: Date, endsAt: Date): boolean {
  return withinOpenHours(startsAt, endsAt, calendar.hours, absenceSpans(calendar), calendar.closedHolidays);
}

/** Whether the doctor's practice is open for the whole of [startsAt, endsAt). One query. */
export async function isWithinOpeningHours(db: Database, doctorId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  const { from, to } = daysOf(startsAt, endsAt);
  const result = (await db.execute(sql`SELECT ${calendarColumns(doctorId, from, to)}`)) as unknown as { rows: CalendarColumns[] };
  return isWithinCalendar(calendarFromColumns(result.rows[0]!, from, to), startsAt, endsAt);
}
