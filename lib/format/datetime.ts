// Times are stored in UTC and always shown in Luxembourg time, through these helpers only.

const DATE_TIME = new Intl.DateTimeFormat("fr-LU", {
  timeZone: "Europe/Luxembourg",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** « 26/11/2026 07:45 » in Europe/Luxembourg. */
export function formatDateTime(date: Date): string {
  return DATE_TIME.format(date);
}
