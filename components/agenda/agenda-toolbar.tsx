"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { agendaSearch } from "@/lib/agenda/schema";
import { formatCalendarDate, formatCalendarRange } from "@/lib/format/datetime";
import { parseDay } from "@/lib/time/luxembourg";

type Props = {
  view: "week" | "day";
  day: string;
  from: string;
  to: string;
  previousHref: string;
  nextHref: string;
  todayHref: string;
  weekHref: string;
  dayHref: string;
  sideBySideHref: string | null;
  sideBySide: boolean;
  doctorIds: string[];
};

const pill = (active: boolean) =>
  `whitespace-nowrap rounded-md px-3 py-2 text-sm font-semibold ${active ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`;

/** Previous / today / next, the date picker and the view switch; every state is in the address. */
export function AgendaToolbar(props: Props) {
  const router = useRouter();
  const { view, day, from, to } = props;
  const title = from === to ? formatCalendarDate(from) : `Semaine du ${formatCalendarRange(from, to)}`;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <nav aria-label="Période" className="flex items-center gap-1">
        {/* The name starts with the visible words (WCAG 2.5.3), then says which period. */}
        <Link href={props.previousHref} className={pill(false)}>
          ‹ Précédent<span className="sr-only"> ({view === "week" ? "semaine" : "jour"})</span>
        </Link>
        <Link href={props.todayHref} className={pill(false)}>
          Aujourd&apos;hui
        </Link>
        <Link href={props.nextHref} className={pill(false)}>
          Suivant<span className="sr-only"> ({view === "week" ? "semaine" : "jour"})</span> ›
        </Link>
      </nav>
      {/* Without JavaScript the picker is a GET form; with it, choosing a date navigates at once. */}
      <form method="get" action="/agenda" className="flex items-center gap-2">
        <input type="hidden" name="vue" value={view === "week" ? "semaine" : "jour"} />
        {props.doctorIds.length > 0 && <input type="hidden" name="medecins" value={props.doctorIds.join(",")} />}
        <label htmlFor="agenda-date" className="sr-only">
          Aller à la date
        </label>
        <input
          id="agenda-date"
          type="date"
          name="date"
          defaultValue={day}
          key={day}
          min="1900-01-01"
          max="2200-12-31"
          onChange={(e) => {
            const chosen = parseDay(e.target.value);
            if (chosen) router.push(`/agenda${agendaSearch({ view, day: chosen, doctorIds: props.doctorIds })}`);
          }}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <noscript>
          <button type="submit" className={pill(false)}>
            Aller
          </button>
        </noscript>
      </form>
      <h2 className="mx-2 text-base font-semibold text-slate-900" aria-live="polite">
        {title}
      </h2>
      <nav aria-label="Vue" className="ml-auto flex items-center gap-1">
        <Link href={props.weekHref} className={pill(view === "week")} aria-current={view === "week" ? "page" : undefined}>
          Semaine
        </Link>
        <Link
          href={props.dayHref}
          className={pill(view === "day" && !props.sideBySide)}
          aria-current={view === "day" && !props.sideBySide ? "page" : undefined}
        >
          Jour
        </Link>
        {props.sideBySideHref && (
          <Link href={props.sideBySideHref} className={pill(props.sideBySide)} aria-current={props.sideBySide ? "page" : undefined}>
            Tous mes médecins
          </Link>
        )}
      </nav>
    </div>
  );
}
