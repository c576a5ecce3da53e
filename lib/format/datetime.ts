// The one place that turns stored instants (UTC) into what people read: Luxembourg wall-clock time,
// French formats. Pages and components never call toLocaleString() themselves, so a change of
// format or of time zone happens here only.

export const TIME_ZONE = "Europe/Luxembourg";
const LOCALE = "fr-LU";

const dateTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const dateOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
// Calendar dates (a birth date, a week start) are already local: formatting them in UTC keeps the
// day from shifting.
const calendarDayMonth = new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", day: "numeric", month: "short" });
const calendarFull = new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** « 26/11/2026 07:52 », Luxembourg time. */
export function formatDateTime(instant: Date): string {
  return dateTime.format(instant);
}

/** « 26/11/2026 », the Luxembourg calendar day of an instant. */
export function formatDate(instant: Date): string {
  return dateOnly.format(instant);
}

/** For `<time dateTime>`: the exact instant, machine-readable. */
export function machineDateTime(instant: Date): string {
  return instant.toISOString();
}

function parseCalendarDate(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00Z`);
}

/** « 23 nov. » for a calendar date written 2026-11-23. */
export function formatCalendarDayMonth(isoDate: string): string {
  return calendarDayMonth.format(parseCalendarDate(isoDate));
}

/** « 23 novembre 2026 » for a calendar date written 2026-11-23. */
export function formatCalendarDate(isoDate: string): string {
  return calendarFull.format(parseCalendarDate(isoDate));
}
