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

const OFFSET = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Luxembourg", timeZoneName: "longOffset" });

/** Minutes Luxembourg is ahead of UTC at `date` (60 in winter, 120 in summer). */
function luxembourgOffsetMinutes(date: Date): number {
  const name = OFFSET.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The UTC instant at which a Luxembourg calendar day ("2026-07-01") begins. */
export function luxembourgDayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - luxembourgOffsetMinutes(new Date(utcMidnight)) * 60_000);
}
