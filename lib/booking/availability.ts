import "server-only";
import { and, asc, eq, gt, gte, lt, lte, ne } from "drizzle-orm";
import { absences, appointments, holidayOpenings, onlineBookingWindows, openingHours, visitReasons } from "@/db/schema";
import { publicHolidaysBetween } from "@/lib/agenda/holidays";
import type { IsoWeekday, OpeningInterval } from "@/lib/agenda/hours";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { addDays, dayBounds, instantToWallClock } from "@/lib/time/luxembourg";
import { bookingBounds, computeFreeTimes, daysOfRange, type FreeDay } from "./free-times";
import { getOnlineBookingSettings, MOTIF_FIELDS, type OnlineBookingSettings } from "./settings";

// The free times of a doctor and motif as stored (docs/decisions/0040): what the public page lists,
// what a booking is checked against, and what a patient who lost a race is offered instead. The
// computation itself is lib/booking/free-times.ts; this module reads what it needs, one query per
// table for the whole range. A time is only ever taken by the INSERT that the exclusion constraint
// accepts: checkBookableTime says whether it is offered, not that it will stay free.

type Deps = { db?: Database };

/** Appointments are at most 8 hours long (appointments_range): how far back one may still overlap. */
const MAX_APPOINTMENT_MS = 8 * 3_600_000;
/** How many days nextFreeTimes reads at a time while it looks forward. */
const SCAN_DAYS = 28;

export type BookableMotif = {
  id: string;
  label: string;
  durationMinutes: number;
  active: boolean;
  bookableOnline: boolean;
  openToNewPatients: boolean;
};

export type CheckBookableResult =
  | { kind: "ok"; endsAt: Date }
  | { kind: "booking_off" }
  | { kind: "motif_not_online" }
  | { kind: "new_patients_not_accepted" }
  | { kind: "past" }
  | { kind: "too_soon" }
  | { kind: "beyond_horizon" }
  | { kind: "not_offered" };

const validInstant = (at: unknown): at is Date => at instanceof Date && !Number.isNaN(at.getTime());

/** The doctor's own motif `visitReasonId`, or null when it is not one of theirs. */
export async function findMotif(db: Database, doctorId: string, visitReasonId: string): Promise<BookableMotif | null> {
  if (!isUuid(doctorId) || !isUuid(visitReasonId)) return null;
  const [motif] = await db
    .select(MOTIF_FIELDS)
    .from(visitReasons)
    .where(and(eq(visitReasons.id, visitReasonId), eq(visitReasons.doctorId, doctorId)))
    .limit(1);
  return motif ?? null;
}

/** The weekly windows open to online booking: the custom ones, or the opening hours. */
async function loadWindows(db: Database, settings: OnlineBookingSettings): Promise<OpeningInterval[]> {
  const table = settings.customWindows ? onlineBookingWindows : openingHours;
  const rows = await db
    .select({ weekday: table.weekday, startMinute: table.startMinute, endMinute: table.endMinute })
    .from(table)
    .where(eq(table.doctorId, settings.doctorId))
    .orderBy(asc(table.weekday), asc(table.startMinute));
  return rows.map((r) => ({ weekday: r.weekday as IsoWeekday, startMinute: r.startMinute, endMinute: r.endMinute }));
}

/**
 * Free days of `durationMinutes` from `fromDay` to `toDay` under `settings` at `now`. Reads the
 * windows, absences, holiday openings and active appointments of those days (an appointment that
 * is not cancelled blocks its time, overbooked or not); `ignoreAppointmentId` does not block.
 */
async function freeDays(
  db: Database,
  settings: OnlineBookingSettings,
  durationMinutes: number,
  fromDay: string,
  toDay: string,
  now: Date,
  ignoreAppointmentId?: string,
  windows?: OpeningInterval[],
): Promise<FreeDay[]> {
  const { earliest, horizonEnd } = bookingBounds(now, settings.minNoticeMinutes, settings.horizonWeeks);
  const lastDay = instantToWallClock(new Date(horizonEnd.getTime() - 1)).day;
  const firstDay = instantToWallClock(earliest).day;
  // Nothing to read outside [earliest, horizon): the days are listed, empty.
  const readFrom = fromDay > firstDay ? fromDay : firstDay;
  const readTo = toDay < lastDay ? toDay : lastDay;
  if (readFrom > readTo)
    return computeFreeTimes({
      fromDay,
      toDay,
      windows: [],
      absences: [],
      closedHolidays: new Set(),
      busy: [],
      durationMinutes,
      earliest,
      horizonEnd,
    });
  const start = dayBounds(readFrom).start;
  const end = dayBounds(readTo).end;
  const doctorId = settings.doctorId;
  const appointmentFilters = [
    eq(appointments.doctorId, doctorId),
    ne(appointments.status, "cancelled"),
    // starts_at bounds on both sides keep the (doctor_id, starts_at) index useful.
    gt(appointments.startsAt, new Date(start.getTime() - MAX_APPOINTMENT_MS)),
    lt(appointments.startsAt, end),
    gt(appointments.endsAt, start),
  ];
  if (ignoreAppointmentId && isUuid(ignoreAppointmentId)) appointmentFilters.push(ne(appointments.id, ignoreAppointmentId));
  const [weekly, absent, opened, busy] = await Promise.all([
    windows ? Promise.resolve(windows) : loadWindows(db, settings),
    db
      .select({ start: absences.startsAt, end: absences.endsAt })
      .from(absences)
      .where(and(eq(absences.doctorId, doctorId), lt(absences.startsAt, end), gt(absences.endsAt, start))),
    db
      .select({ day: holidayOpenings.day })
      .from(holidayOpenings)
      .where(and(eq(holidayOpenings.doctorId, doctorId), gte(holidayOpenings.day, readFrom), lte(holidayOpenings.day, readTo))),
    db
      .select({ start: appointments.startsAt, end: appointments.endsAt })
      .from(appointments)
      .where(and(...appointmentFilters)),
  ]);
  const openedDays = new Set(opened.map((o) => o.day));
  const closedHolidays = new Set(
    publicHolidaysBetween(readFrom, readTo)
      .map((h) => h.day)
      .filter((day) => !openedDays.has(day)),
  );
  return computeFreeTimes({ fromDay, toDay, windows: weekly, absences: absent, closedHolidays, busy, durationMinutes, earliest, horizonEnd });
}

/** Settings and motif when the motif may be booked online at this doctor's; null otherwise. */
async function onlineMotif(
  db: Database,
  doctorId: string,
  visitReasonId: string,
): Promise<{ settings: OnlineBookingSettings; motif: BookableMotif } | null> {
  if (!isUuid(doctorId) || !isUuid(visitReasonId)) return null;
  const [settings, motif] = await Promise.all([getOnlineBookingSettings(doctorId, { db }), findMotif(db, doctorId, visitReasonId)]);
  if (!settings.enabled || !motif || !motif.active || !motif.bookableOnline) return null;
  return { settings, motif };
}

/**
 * The free times of the doctor's motif between `from` and `to` (instants), per Luxembourg day, each
 * day of the range listed. Empty when booking is off or the motif is not bookable online.
 * `ignoreAppointmentId` (a patient moving their own appointment) does not block its time.
 */
export async function loadFreeTimes(
  input: { doctorId: string; visitReasonId: string; from: Date; to: Date; now?: Date; ignoreAppointmentId?: string },
  deps: Deps = {},
): Promise<FreeDay[]> {
  if (!validInstant(input.from) || !validInstant(input.to) || input.to <= input.from) return [];
  const db = deps.db ?? getDb();
  const found = await onlineMotif(db, input.doctorId, input.visitReasonId);
  if (!found) return [];
  const { fromDay, toDay } = daysOfRange(input.from, input.to);
  const days = await freeDays(db, found.settings, found.motif.durationMinutes, fromDay, toDay, input.now ?? new Date(), input.ignoreAppointmentId);
  return days.map((d) => ({ day: d.day, starts: d.starts.filter((s) => s >= input.from && s < input.to) }));
}

/** The first `count` free times after `after`, read SCAN_DAYS at a time from `after`'s day to the horizon. */
async function scanFreeTimes(
  db: Database,
  found: { settings: OnlineBookingSettings; motif: BookableMotif },
  windows: OpeningInterval[],
  after: Date,
  count: number,
  now: Date,
): Promise<Date[]> {
  const { earliest, horizonEnd } = bookingBounds(now, found.settings.minNoticeMinutes, found.settings.horizonWeeks);
  const lastDay = instantToWallClock(new Date(horizonEnd.getTime() - 1)).day;
  const from = after > earliest ? after : earliest;
  const result: Date[] = [];
  if (windows.length === 0) return result;
  for (let day = instantToWallClock(from).day; day <= lastDay && result.length < count; day = addDays(day, SCAN_DAYS)) {
    const toDay = addDays(day, SCAN_DAYS - 1) < lastDay ? addDays(day, SCAN_DAYS - 1) : lastDay;
    const days = await freeDays(db, found.settings, found.motif.durationMinutes, day, toDay, now, undefined, windows);
    for (const d of days) {
      for (const start of d.starts) {
        if (start > after && result.length < count) result.push(start);
      }
    }
  }
  return result;
}

/**
 * The first `count` free times strictly after `after` (and after the notice), up to the horizon.
 * Reads four weeks at a time, so a doctor free tomorrow costs one read.
 */
export async function nextFreeTimes(
  input: { doctorId: string; visitReasonId: string; after: Date; count: number; now?: Date },
  deps: Deps = {},
): Promise<Date[]> {
  if (!validInstant(input.after) || !(input.count > 0)) return [];
  const db = deps.db ?? getDb();
  const found = await onlineMotif(db, input.doctorId, input.visitReasonId);
  if (!found) return [];
  const windows = await loadWindows(db, found.settings);
  return scanFreeTimes(db, found, windows, input.after, input.count, input.now ?? new Date());
}

/**
 * What the public page shows (one read of the settings, the motif and the windows): the free times
 * of the days `fromDay`..`toDay`, and the first free time from now on, in any week. Null `days`
 * when booking is off or the motif is not bookable online.
 */
export async function loadFreeWeek(
  input: { doctorId: string; visitReasonId: string; fromDay: string; toDay: string; now?: Date },
  deps: Deps & { known?: { settings: OnlineBookingSettings; motif: BookableMotif } } = {},
): Promise<{ days: FreeDay[]; next: Date | null } | null> {
  const db = deps.db ?? getDb();
  // The public page has read the settings and the motif already: one round trip fewer.
  const known = deps.known;
  const found =
    known && known.settings.enabled && known.motif.active && known.motif.bookableOnline
      ? known
      : await onlineMotif(db, input.doctorId, input.visitReasonId);
  if (!found) return null;
  const now = input.now ?? new Date();
  const days = await freeDays(db, found.settings, found.motif.durationMinutes, input.fromDay, input.toDay, now);
  // Every start listed is already past the notice: when the days shown begin today or earlier,
  // their first start is the next one, unless they have none.
  const shownFirst = days.find((d) => d.starts.length)?.starts[0];
  if (input.fromDay <= instantToWallClock(now).day && shownFirst) return { days, next: shownFirst };
  const [next] = await scanFreeTimes(db, found, await loadWindows(db, found.settings), now, 1, now);
  return { days, next: next ?? null };
}

/**
 * Whether `startsAt` is one of the free times of the motif right now, for a booking (or a move:
 * `ignoreAppointmentId`, the patient's own appointment, does not block). Run it in the booking's
 * transaction; the exclusion constraint still decides a race between two bookings.
 */
export async function checkBookableTime(
  tx: Database,
  input: { doctorId: string; visitReasonId: string; startsAt: Date; newPatient: boolean; now?: Date; ignoreAppointmentId?: string },
): Promise<CheckBookableResult> {
  if (!isUuid(input.doctorId)) return { kind: "booking_off" };
  const settings = await getOnlineBookingSettings(input.doctorId, { db: tx });
  if (!settings.enabled) return { kind: "booking_off" };
  const motif = isUuid(input.visitReasonId) ? await findMotif(tx, input.doctorId, input.visitReasonId) : null;
  if (!motif || !motif.active || !motif.bookableOnline) return { kind: "motif_not_online" };
  if (input.newPatient && !motif.openToNewPatients) return { kind: "new_patients_not_accepted" };
  if (!validInstant(input.startsAt)) return { kind: "not_offered" };
  const now = input.now ?? new Date();
  const { earliest, horizonEnd } = bookingBounds(now, settings.minNoticeMinutes, settings.horizonWeeks);
  if (input.startsAt <= now) return { kind: "past" };
  if (input.startsAt < earliest) return { kind: "too_soon" };
  if (input.startsAt >= horizonEnd) return { kind: "beyond_horizon" };
  const day = instantToWallClock(input.startsAt).day;
  const [free] = await freeDays(tx, settings, motif.durationMinutes, day, day, now, input.ignoreAppointmentId);
  const offered = free?.starts.some((s) => s.getTime() === input.startsAt.getTime());
  if (!offered) return { kind: "not_offered" };
  return { kind: "ok", endsAt: new Date(input.startsAt.getTime() + motif.durationMinutes * 60_000) };
}
