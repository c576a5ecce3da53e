import "server-only";
import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { appointments, secretaryDoctors, users } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { displayName } from "@/lib/users/display-name";
import { addDays, dayBounds, isoWeekday, parseDay } from "@/lib/time/luxembourg";
import type { AgendaAccess } from "./access";
import { selectAgendaBlocks, type AgendaBlock } from "./appointment-view";
import {
  absenceSpans,
  calendarColumns,
  calendarFromColumns,
  loadCalendars,
  type AbsenceView,
  type CalendarColumns,
  type DoctorCalendar,
} from "./calendar";
import { publicHolidaysBetween } from "./holidays";
import { openIntervals, scheduledIntervals, type IsoWeekday, type Span } from "./hours";

// The agenda as a page draws it: a day or a week (or a day of several doctors side by side, for a
// secretary working for them), each day with its real bounds in Luxembourg (23, 24 or 25 hours),
// when each doctor is open, what closes it, and the appointments. One query per table for the
// whole range; appointments through the (doctor_id, starts_at) index.

type Deps = { db?: Database };

export type AgendaDoctorDay = {
  doctorId: string;
  /** When the practice is open: weekly hours minus absences, none on a closed holiday. */
  open: Span[];
  /** The weekly hours of that weekday, before absences and holidays (what a closure hides). */
  scheduled: Span[];
  /** Absences overlapping the day, with their label. */
  absences: AbsenceView[];
  /** The public holiday of the day, and whether this practice opens it. */
  holiday: { name: string; open: boolean } | null;
  /**
   * Appointments overlapping the day (cancelled ones included, marked by their status), as their
   * blocks draw them; the details dialog reads one whole (findAppointment).
   */
  appointments: AgendaBlock[];
};

export type AgendaDay = {
  day: string;
  weekday: IsoWeekday;
  /** Local midnight to the next local midnight. */
  start: Date;
  end: Date;
  holiday: { name: string } | null;
  doctors: AgendaDoctorDay[];
};

export type AgendaView = {
  from: string;
  to: string;
  /** The doctors shown, in column order. */
  doctors: { id: string; name: string }[];
  days: AgendaDay[];
};

export const MAX_AGENDA_DAYS = 7;
const MAX_APPOINTMENT_MS = 8 * 3_600_000;

/**
 * The doctors whose agendas `access` may read among `requested`, in the order asked: the doctor
 * of the session always; for a secretary, also other active doctors she is attached to. Anything
 * else asked is silently left out.
 */
async function readableDoctors(db: Database, access: AgendaAccess, requested: readonly string[] | undefined): Promise<string[]> {
  const own = access.doctor.id;
  const asked = [own, ...(requested ?? []).filter((id) => id !== own)];
  if (access.mode !== "secretary" || asked.length === 1) return [own];
  const attached = await db
    .select({ id: secretaryDoctors.doctorId })
    .from(secretaryDoctors)
    .innerJoin(users, eq(users.id, secretaryDoctors.doctorId))
    .where(and(eq(secretaryDoctors.secretaryId, access.user.id), inArray(secretaryDoctors.doctorId, asked), eq(users.status, "active")));
  const allowed = new Set(attached.map((a) => a.id));
  return asked.filter((id) => id === own || allowed.has(id));
}

type Person = { id: string; title: string | null; firstName: string; lastName: string };

/**
 * The doctors' names and calendars. One doctor (every view but a secretary's side by side): one
 * query, the calendar as JSON columns beside the name, instead of four.
 */
async function doctorsAndCalendars(
  db: Database,
  ids: string[],
  from: string,
  to: string,
): Promise<{ people: Person[]; calendars: Map<string, DoctorCalendar> }> {
  if (ids.length !== 1) {
    const [people, calendars] = await Promise.all([
      db.select({ id: users.id, title: users.title, firstName: users.firstName, lastName: users.lastName }).from(users).where(inArray(users.id, ids)),
      loadCalendars(db, ids, from, to),
    ]);
    return { people, calendars };
  }
  const result = await db.execute(
    sql`SELECT u.id, u.title, u.first_name, u.last_name, ${calendarColumns(ids[0]!, from, to)} FROM ${users} u WHERE u.id = ${ids[0]!}`,
  );
  const rows = (result as unknown as { rows: (CalendarColumns & { id: string; title: string | null; first_name: string; last_name: string })[] })
    .rows;
  return {
    people: rows.map((r) => ({ id: r.id, title: r.title, firstName: r.first_name, lastName: r.last_name })),
    // A doctor gone meanwhile still gets an (empty) calendar, as loadCalendars gives one per id.
    calendars: new Map([[ids[0]!, rows[0] ? calendarFromColumns(rows[0], from, to) : emptyCalendar(from, to)]]),
  };
}

function emptyCalendar(from: string, to: string): DoctorCalendar {
  return calendarFromColumns({ calendar_hours: [], calendar_absences: [], calendar_opened: [] }, from, to);
}

/**
 * The agenda from calendar day `from`, for `days` days (1 = day view, 7 = week view). `doctorIds`
 * (a secretary's side-by-side day) adds doctors she works for; the session's doctor comes first.
 */
export async function readAgenda(
  access: AgendaAccess,
  { from, days, doctorIds }: { from: string; days: number; doctorIds?: readonly string[] },
  deps: Deps = {},
): Promise<AgendaView> {
  if (!parseDay(from)) throw new RangeError(`readAgenda: not a day: ${from}`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_AGENDA_DAYS) throw new RangeError(`readAgenda: 1 to ${MAX_AGENDA_DAYS} days`);
  const db = deps.db ?? getDb();
  const ids = await readableDoctors(db, access, doctorIds);
  const to = addDays(from, days - 1);
  const start = dayBounds(from).start;
  const end = dayBounds(to).end;

  const [{ people, calendars }, booked] = await Promise.all([
    doctorsAndCalendars(db, ids, from, to),
    selectAgendaBlocks(
      db,
      and(
        inArray(appointments.doctorId, ids),
        gte(appointments.startsAt, new Date(start.getTime() - MAX_APPOINTMENT_MS)),
        lt(appointments.startsAt, end),
        gt(appointments.endsAt, start),
      ),
      [asc(appointments.startsAt), asc(appointments.id)],
    ),
  ]);
  const holidays = new Map(publicHolidaysBetween(from, to).map((h) => [h.day, h.name]));
  const names = new Map(people.map((p) => [p.id, displayName(p)]));

  const dayList: AgendaDay[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    const bounds = dayBounds(day);
    const holidayName = holidays.get(day) ?? null;
    dayList.push({
      day,
      weekday: isoWeekday(day) as IsoWeekday,
      start: bounds.start,
      end: bounds.end,
      holiday: holidayName ? { name: holidayName } : null,
      doctors: ids.map((doctorId) => {
        const calendar = calendars.get(doctorId)!;
        const overlapsDay = (s: Date, e: Date) => s < bounds.end && e > bounds.start;
        return {
          doctorId,
          open: openIntervals(day, calendar.hours, absenceSpans(calendar), calendar.closedHolidays),
          scheduled: scheduledIntervals(day, calendar.hours),
          absences: calendar.absences.filter((a) => overlapsDay(a.startsAt, a.endsAt)),
          holiday: holidayName ? { name: holidayName, open: !calendar.closedHolidays.has(day) } : null,
          appointments: booked.filter((a) => a.doctorId === doctorId && overlapsDay(a.startsAt, a.endsAt)),
        };
      }),
    });
  }
  return {
    from,
    to,
    doctors: ids.map((id) => ({ id, name: names.get(id) ?? "" })),
    days: dayList,
  };
}
