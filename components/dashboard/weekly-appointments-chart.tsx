import { Card } from "@/components/ui/card";
import type { WeeklyAppointments } from "@/lib/dashboard/types";
import { formatCalendarDate, formatCalendarDayMonth } from "@/lib/format/datetime";
import { formatCount } from "@/lib/format/number";

// Server-rendered SVG, no chart library: twelve bars need no client code. Horizontal positions are
// percentages and vertical ones pixels, so the chart fills any width while its text keeps a
// readable size on a phone (a scaled viewBox would shrink the labels with the screen).

const HEIGHT = 200;
const TOP = 22;
const BOTTOM = 26;
const PLOT = HEIGHT - TOP - BOTTOM;

export function WeeklyAppointmentsChart({ weeks }: { weeks: WeeklyAppointments[] }) {
  const title = "Rendez-vous par semaine";
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last || weeks.every((w) => w.count === 0)) {
    return (
      <Card title={title}>
        <p className="text-sm text-slate-600">Aucun rendez-vous sur les {weeks.length} dernières semaines.</p>
      </Card>
    );
  }
  const max = Math.max(...weeks.map((w) => w.count));
  const slot = 100 / weeks.length;
  return (
    <Card title={title}>
      <figure>
        <svg aria-hidden width="100%" height={HEIGHT} className="block overflow-visible">
          <line x1="0" x2="100%" y1={TOP + PLOT + 0.5} y2={TOP + PLOT + 0.5} className="stroke-slate-300" />
          {weeks.map((week, i) => {
            const current = i === weeks.length - 1;
            const height = (week.count / max) * PLOT;
            const center = `${(i + 0.5) * slot}%`;
            // On a phone every other date is left out (keeping the current week's) so none overlap.
            const sparse = (weeks.length - 1 - i) % 2 === 1 ? "max-sm:hidden" : "";
            return (
              <g key={week.weekStart} data-week={week.weekStart}>
                <rect
                  x={`${i * slot + slot * 0.15}%`}
                  width={`${slot * 0.7}%`}
                  y={TOP + PLOT - height}
                  height={height}
                  rx={3}
                  className={current ? "fill-brand-100 stroke-brand-600" : "fill-brand-600"}
                  strokeDasharray={current ? "4 3" : undefined}
                  strokeWidth={current ? 1.5 : undefined}
                />
                <text x={center} y={TOP + PLOT - height - 6} textAnchor="middle" className="fill-slate-700 text-[11px] tabular-nums">
                  {formatCount(week.count)}
                </text>
                <text x={center} y={HEIGHT - 8} textAnchor="middle" className={`fill-slate-500 text-[11px] ${sparse}`}>
                  {formatCalendarDayMonth(week.weekStart)}
                </text>
              </g>
            );
          })}
        </svg>
        {/* sr-only on a wrapper: a table ignores the 1px width and would widen the page on a phone. */}
        <div className="sr-only">
          <table>
            <caption>Rendez-vous par semaine, semaine commençant le</caption>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row">{formatCalendarDate(week.weekStart)}</th>
                  <td>{formatCount(week.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figcaption className="mt-3 text-xs text-slate-500">
          Semaines du lundi au dimanche, du {formatCalendarDate(first.weekStart)} à aujourd&apos;hui, heure de Luxembourg ; rendez-vous annulés
          exclus. La dernière barre, en pointillés, est la semaine en cours, rendez-vous à venir compris.
        </figcaption>
      </figure>
    </Card>
  );
}
