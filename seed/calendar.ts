import { sql, type SQL } from "drizzle-orm";
import { publicHolidays } from "@/lib/agenda/holidays";
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

/** Luxembourg's public holidays (date-holidays' table, lib/agenda/holidays.ts): practices are closed. */
export function isPublicHoliday(isoDate: string): boolean {
  return publicHolidays(Number(isoDate.slice(0, 4))).some((h) => h.day === isoDate);
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
