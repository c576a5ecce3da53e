import Link from "next/link";
import type { FreeDay } from "@/lib/booking/free-times";
import { formatCalendarDayMonth } from "@/lib/format/datetime";
import { wallClockFields } from "@/lib/agenda/grid";

const WEEKDAY = new Intl.DateTimeFormat("fr-LU", { timeZone: "UTC", weekday: "long" });

/** « lundi 7 juin » for a calendar day. */
export function dayLabel(day: string): string {
  return `${WEEKDAY.format(new Date(`${day}T00:00:00Z`))} ${formatCalendarDayMonth(day)}`;
}

/** « 08:00 », or « 02:30 (heure d'été) » for the first of a repeated time in October. */
export function timeLabel(at: Date): string {
  const { time, occurrence } = wallClockFields(at);
  if (!occurrence) return time;
  return `${time} (${occurrence === "earlier" ? "heure d'été" : "heure d'hiver"})`;
}

/**
 * A week of free times, one block per day, each time a link to the booking flow. Shows free times
 * only: a day without any says so, never why.
 */
export function FreeWeek({ days, bookHref }: { days: FreeDay[]; bookHref: (start: Date) => string }) {
  return (
    <ol className="space-y-3" aria-label="Créneaux libres de la semaine">
      {days.map((d) => (
        <li key={d.day} id={`jour-${d.day}`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-3">
          <h3 className="mb-2 text-sm font-semibold capitalize text-slate-900">{dayLabel(d.day)}</h3>
          {d.starts.length === 0 ? (
            <p className="text-sm text-slate-500">Aucun créneau libre</p>
          ) : (
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6">
              {d.starts.map((s) => (
                <li key={s.getTime()}>
                  <Link
                    href={bookHref(s)}
                    className="block rounded-md border border-brand-100 bg-brand-50 px-2 py-2.5 text-center text-sm font-semibold tabular-nums text-brand-800 hover:border-brand-600 hover:bg-brand-100"
                    aria-label={`Réserver le ${dayLabel(d.day)} à ${timeLabel(s)}`}
                  >
                    {timeLabel(s)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
