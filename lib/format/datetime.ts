// The one place that turns stored instants (UTC) into what people read: Luxembourg wall-clock time,
// French formats. Pages and components never call toLocaleString() themselves, so a change of
// format or of time zone happens here only.

export const TIME_ZONE = "Europe/Luxembourg";
const LOCALE = "fr-LU";

// Each formatter is built on first use: building one costs a phone tens of milliseconds (locale and
// time zone data), and this module loads with every practice page's chat, which formats nothing
// until it is opened.
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const dateTime = once(
  () =>
    new Intl.DateTimeFormat(LOCALE, {
      timeZone: TIME_ZONE,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }),
);
const dateOnly = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" }));
// Calendar dates (a birth date, a week start) are already local: formatting them in UTC keeps the
// day from shifting.
const calendarDayMonth = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", day: "numeric", month: "short" }));
const calendarFull = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }));

/** « 26/11/2026 07:52 », Luxembourg time. */
export function formatDateTime(instant: Date): string {
  return dateTime().format(instant);
}

/** « 26/11/2026 », the Luxembourg calendar day of an instant. */
export function formatDate(instant: Date): string {
  return dateOnly().format(instant);
}

/** For `<time dateTime>`: the exact instant, machine-readable. */
export function machineDateTime(instant: Date): string {
  return instant.toISOString();
}

function parseCalendarDate(isoDate: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a calendar date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00Z`);
}

/** French writes the first of the month « 1er » (« 1er avril »); Intl writes « 1 ». */
function firstOfMonth(formatted: string): string {
  return formatted.replace(/^1(?= )/, "1er");
}

/** « 23 nov. » for a calendar date written 2026-11-23; « 1er avr. » for the first. */
export function formatCalendarDayMonth(isoDate: string): string {
  return firstOfMonth(calendarDayMonth().format(parseCalendarDate(isoDate)));
}

/** « 23 novembre 2026 » for a calendar date written 2026-11-23; « 1er avril 1991 » for the first. */
export function formatCalendarDate(isoDate: string): string {
  return firstOfMonth(calendarFull().format(parseCalendarDate(isoDate)));
}

const calendarDayLongMonth = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", day: "numeric", month: "long" }));

/**
 * Two calendar dates as a span, each month and year written once and in full: « 7 au 13 décembre
 * 2026 », « 29 mars au 4 avril 2027 », « 28 décembre 2026 au 3 janvier 2027 » (« Semaine du … »).
 */
export function formatCalendarRange(fromIsoDate: string, toIsoDate: string): string {
  const from = parseCalendarDate(fromIsoDate);
  const end = formatCalendarDate(toIsoDate);
  if (fromIsoDate.slice(0, 4) !== toIsoDate.slice(0, 4)) return `${formatCalendarDate(fromIsoDate)} au ${end}`;
  if (fromIsoDate.slice(0, 7) !== toIsoDate.slice(0, 7)) return `${firstOfMonth(calendarDayLongMonth().format(from))} au ${end}`;
  return `${from.getUTCDate() === 1 ? "1er" : from.getUTCDate()} au ${end}`;
}

const weekdayDate = once(
  () => new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
);
const timeOnly = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" }));

/** « mardi 15 décembre 2026 à 09:30 », Luxembourg time: an appointment as a patient reads it (pages and emails). */
export function formatAppointmentTime(instant: Date): string {
  return `${firstOfMonth(weekdayDate().format(instant).replace(/ 1 /, " 1er "))} à ${timeOnly().format(instant)}`;
}

const calendarWeekday = once(() => new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" }));

/** « mardi 8 juin » for a calendar date written 2027-06-08. */
export function formatCalendarWeekday(isoDate: string): string {
  return calendarWeekday().format(parseCalendarDate(isoDate)).replace(/ 1 /, " 1er ");
}
