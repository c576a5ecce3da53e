import { tzOffset } from "@date-fns/tz";
import { TIME_ZONE } from "@/lib/format/datetime";

// The one place where Luxembourg wall-clock time is turned into instants and back (docs/decisions/
// 0026). Instants are Dates (UTC underneath); a calendar day is "YYYY-MM-DD"; a time of day is
// minutes since local midnight (0..1440). Pure and client-safe: pages and forms use it as well as
// the server. Never get a wall-clock time by adding hours to an instant elsewhere: on the last
// Sundays of March and October a day has 23 or 25 hours.

export { TIME_ZONE };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Where a Luxembourg wall-clock time lands: once, never (spring gap), or twice (autumn repeat). */
export type WallClockInstant = { kind: "exact"; at: Date } | { kind: "nonexistent" } | { kind: "ambiguous"; earlier: Date; later: Date };

/** Which of the two instants of a repeated wall-clock time (the summer-time one comes first). */
export type Occurrence = "earlier" | "later";

export type WallClock = { day: string; minute: number; offsetMinutes: number };

const HOUR_MS = 3_600_000;
// Since 1980 Luxembourg changes offset on a whole UTC hour (01:00 UTC, EU rule), so the offset of
// an hour is the offset of each of its minutes. Remembered per hour: a week's grid asks thousands
// of times, and Intl answers in tens of microseconds each.
const SINCE_1980 = Date.UTC(1980, 0, 1);
const offsetOfHour = new Map<number, number>();

/** Minutes Luxembourg is ahead of UTC at `at` (60 in winter, 120 in summer). */
export function offsetAt(at: Date): number {
  const ms = at.getTime();
  if (ms < SINCE_1980) return tzOffset(TIME_ZONE, at);
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetOfHour.get(hour);
  if (offset === undefined) {
    if (offsetOfHour.size > 50_000) offsetOfHour.clear();
    offset = tzOffset(TIME_ZONE, new Date(hour * HOUR_MS));
    offsetOfHour.set(hour, offset);
  }
  return offset;
}

/** The calendar day `day` plus `minute` minutes read as if the zone were UTC (no zone involved). */
function naiveMs(day: string, minute: number): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) + minute * MINUTE_MS;
}

/** Internal arguments: any real calendar day (the year range is for what people type). */
function assertDay(day: string): void {
  if (!isCalendarDay(day, 1000, 9999)) throw new RangeError(`not a calendar day: ${day}`);
}

function isCalendarDay(text: string, minYear: number, maxYear: number): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < minYear || year > maxYear || month < 1 || month > 12 || date < 1) return false;
  return new Date(Date.UTC(year, month - 1, date)).getUTCDate() === date;
}

/**
 * The instant(s) at which Luxembourg clocks show `minute` on `day`. Every offset in force within a
 * day either side is tried; an offset that maps back to itself is a real reading of the clock.
 */
export function wallClockToInstant(day: string, minute: number): WallClockInstant {
  assertDay(day);
  if (!Number.isInteger(minute) || minute < 0 || minute > 1440) throw new RangeError(`not a minute of the day: ${minute}`);
  const naive = naiveMs(day, minute);
  const offsets = new Set([offsetAt(new Date(naive - DAY_MS)), offsetAt(new Date(naive)), offsetAt(new Date(naive + DAY_MS))]);
  const found = [...offsets]
    .map((offset) => naive - offset * MINUTE_MS)
    .filter((ms) => offsetAt(new Date(ms)) * MINUTE_MS === naive - ms)
    .sort((a, b) => a - b);
  if (found.length === 0) return { kind: "nonexistent" };
  if (found.length === 1) return { kind: "exact", at: new Date(found[0]!) };
  return { kind: "ambiguous", earlier: new Date(found[0]!), later: new Date(found[found.length - 1]!) };
}

/**
 * What a person typed: the instant, or why there is none. A repeated time is exact once the person
 * said which of the two they mean; until then it stays ambiguous (the form asks).
 */
export function resolveWallClock(day: string, minute: number, occurrence?: Occurrence): WallClockInstant {
  const found = wallClockToInstant(day, minute);
  if (found.kind !== "ambiguous" || !occurrence) return found;
  return { kind: "exact", at: occurrence === "earlier" ? found.earlier : found.later };
}

/**
 * One instant for a wall-clock time, for boundaries (opening hours, day starts) rather than for
 * what a person typed: a repeated time takes `occurrence` (the earlier by default), a time in the
 * spring gap takes the instant the clocks jumped (02:30 on 28 March 2027 → 03:00 summer time).
 */
export function boundaryInstant(day: string, minute: number, occurrence: Occurrence = "earlier"): Date {
  const found = wallClockToInstant(day, minute);
  if (found.kind === "exact") return found.at;
  if (found.kind === "ambiguous") return occurrence === "earlier" ? found.earlier : found.later;
  // In the gap the clocks jumped forward: the instant of the jump lies between the reading with
  // the new offset (still before it) and the reading with the old one (already after it).
  const naive = naiveMs(day, minute);
  const oldOffset = offsetAt(new Date(naive - DAY_MS));
  let before = naive - Math.max(oldOffset, offsetAt(new Date(naive + DAY_MS))) * MINUTE_MS;
  let after = naive - Math.min(oldOffset, offsetAt(new Date(naive + DAY_MS))) * MINUTE_MS;
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(new Date(middle)) === oldOffset) before = middle;
    else after = middle;
  }
  return new Date(after);
}

/** The Luxembourg calendar day, minute of the day and offset of an instant. */
export function instantToWallClock(at: Date): WallClock {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError("invalid instant");
  const offsetMinutes = offsetAt(at);
  // The offset is Luxembourg's own at that instant: this is the wall clock, not an approximation.
  // Plain arithmetic on the local milliseconds: a week's grid asks this thousands of times per page,
  // and a Date made for each answer (on the server, through Next's instrumented Date) cost more
  // than the rest of the call.
  const local = ms + offsetMinutes * MINUTE_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  return {
    day: calendarDayOf(dayNumber),
    minute: Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS),
    offsetMinutes,
  };
}

const dayNames = new Map<number, string>();

/** "YYYY-MM-DD" of the `dayNumber`-th day since 1970-01-01, remembered (a page asks a few days, many times). */
function calendarDayOf(dayNumber: number): string {
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    if (dayNames.size > 10_000) dayNames.clear();
    name = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(dayNumber, name);
  }
  return name;
}

/** Local midnight of `day` to local midnight of the next day: 23, 24 or 25 hours. */
export function dayBounds(day: string): { start: Date; end: Date } {
  return { start: boundaryInstant(day, 0), end: boundaryInstant(addDays(day, 1), 0) };
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  assertDay(day);
  return new Date(naiveMs(day, 0) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  assertDay(day);
  return ((new Date(naiveMs(day, 0)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of `day`'s ISO week. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Today's calendar day in Luxembourg. */
export function todayIn(now: Date = new Date()): string {
  return instantToWallClock(now).day;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real calendar day written YYYY-MM-DD, year 1900..2200; null for anything else. */
export function parseDay(text: unknown): string | null {
  return typeof text === "string" && isCalendarDay(text, MIN_YEAR, MAX_YEAR) ? text : null;
}

/**
 * A time of day written HH:MM (two digits each), as minutes since midnight; null otherwise.
 * « 24:00 » is the end of the day: accepted only when `endOfDay` is (an interval's end).
 */
export function parseTime(text: unknown, { endOfDay = false }: { endOfDay?: boolean } = {}): number | null {
  if (typeof text !== "string") return null;
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (endOfDay && hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** « 08:05 » for 485; « 24:00 » for 1440. */
export function formatTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** True for an instant whose year (in Luxembourg) is within what the app accepts. */
export function isInstantInRange(at: Date): boolean {
  if (Number.isNaN(at.getTime())) return false;
  const year = at.getUTCFullYear();
  // A day either side of the limits is settled by the Luxembourg day itself.
  if (year < MIN_YEAR - 1 || year > MAX_YEAR + 1) return false;
  const localYear = Number(instantToWallClock(at).day.slice(0, 4));
  return localYear >= MIN_YEAR && localYear <= MAX_YEAR;
}

/**
 * Every `step`-minute mark of a Luxembourg day, in time order, with the wall-clock minute it shows:
 * 276 marks of 5 minutes on 28 March 2027 (no 02:xx), 300 on 31 October 2027 (02:00–02:55 twice,
 * `occurrence` telling them apart), 288 on other days.
 */
export function wallClockMarks(day: string, step = 5): { at: Date; minute: number; offsetMinutes: number; occurrence?: Occurrence }[] {
  if (!Number.isInteger(step) || step <= 0 || 60 % step !== 0) throw new RangeError(`step must divide an hour: ${step}`);
  const { start, end } = dayBounds(day);
  const marks: { at: Date; minute: number; offsetMinutes: number; occurrence?: Occurrence }[] = [];
  const seen = new Map<number, number>();
  for (let ms = start.getTime(); ms < end.getTime(); ms += step * MINUTE_MS) {
    const at = new Date(ms);
    const { minute, offsetMinutes } = instantToWallClock(at);
    const index = marks.push({ at, minute, offsetMinutes }) - 1;
    const first = seen.get(minute);
    if (first === undefined) seen.set(minute, index);
    else {
      marks[first]!.occurrence = "earlier";
      marks[index]!.occurrence = "later";
    }
  }
  return marks;
}
