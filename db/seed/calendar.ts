import { sql, type SQL } from "drizzle-orm";
import { TIME_ZONE } from "@/lib/format/datetime";

// Calendar arithmetic for the seeds, on local dates written YYYY-MM-DD (no time zone involved);
// the local wall-clock time becomes an instant in PostgreSQL, which knows Luxembourg's rules.

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

function easterSunday(year: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const FIXED_HOLIDAYS = ["01-01", "05-01", "05-09", "06-23", "08-15", "11-01", "12-25", "12-26"];

/** Luxembourg's legal public holidays: practices are closed. */
export function isPublicHoliday(isoDate: string): boolean {
  if (FIXED_HOLIDAYS.includes(isoDate.slice(5))) return true;
  const easter = easterSunday(Number(isoDate.slice(0, 4)));
  return [1, 39, 50].some((offset) => addDays(easter, offset) === isoDate);
}

export function isWorkingDay(isoDate: string): boolean {
  const day = weekday(isoDate);
  return day !== 0 && day !== 6 && !isPublicHoliday(isoDate);
}

/** « 08:15 » for 495 minutes after midnight. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The instant at which Luxembourg clocks show `minutes` after midnight on `isoDate`. */
export function luxembourgInstant(isoDate: string, minutes: number): SQL {
  return sql`(${`${isoDate} ${clock(minutes)}`}::timestamp AT TIME ZONE ${sql.raw(`'${TIME_ZONE}'`)})`;
}
