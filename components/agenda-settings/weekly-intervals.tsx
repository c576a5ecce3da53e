"use client";

import { useEffect, useRef, useState } from "react";
import type { IsoWeekday, OpeningInterval } from "@/lib/agenda/hours";
import { formatTime } from "@/lib/time/luxembourg";

// A week of time intervals edited day by day (zero or more each): the opening hours, and the
// windows open to online booking. The server checks every row (5-minute grid, start before end,
// no overlap) and answers each message by its index in what was sent, so the editor remembers the
// order it sent to put each message under its row.

export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  1: "Lundi",
  2: "Mardi",
  3: "Mercredi",
  4: "Jeudi",
  5: "Vendredi",
  6: "Samedi",
  7: "Dimanche",
};
const DAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

type Row = { key: number; weekday: IsoWeekday; start: string; end: string };
type FieldErrors = Record<string, string> | undefined;

// A time input cannot hold 24:00: an interval running to midnight shows, and is typed, as 00:00.
const endText = (minute: number) => (minute === 1440 ? "00:00" : formatTime(minute));
const endValue = (text: string) => (text === "00:00" ? "24:00" : text);

// Keys from the stored order: the same in the server's HTML and after hydration (ids use them).
const rowOf = (i: OpeningInterval, key: number): Row => ({ key, weekday: i.weekday, start: formatTime(i.startMinute), end: endText(i.endMinute) });

const inputClass = (error?: string) =>
  `rounded-md border px-2 py-1.5 text-base tabular-nums sm:text-sm ${error ? "border-red-600" : "border-slate-300"} focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`;

export type WeeklyIntervals = ReturnType<typeof useWeeklyIntervals>;

/** The rows being edited, and how they are sent: weekday / start / end, in the week's order. */
export function useWeeklyIntervals(initial: OpeningInterval[]) {
  const [rows, setRows] = useState<Row[]>(() => initial.map(rowOf));
  const nextKey = useRef(initial.length);
  const [sent, setSent] = useState<number[]>([]);
  const ordered = DAYS.flatMap((d) => rows.filter((r) => r.weekday === d));
  return {
    rows,
    update(key: number, patch: Partial<Row>) {
      setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    },
    /** A new row after the day's last (or a morning), and its key. */
    add(weekday: IsoWeekday): number {
      const last = rows.filter((r) => r.weekday === weekday).at(-1);
      const row: Row = { key: nextKey.current++, weekday, start: last ? last.end : "08:00", end: last ? "18:00" : "12:00" };
      setRows((all) => [...all, row]);
      return row.key;
    },
    remove(key: number) {
      setRows((all) => all.filter((r) => r.key !== key));
    },
    /** Writes the rows into `data` (replacing any) and remembers their order for the answer. */
    appendTo(data: FormData) {
      for (const name of ["weekday", "start", "end"]) data.delete(name);
      for (const r of ordered) {
        data.append("weekday", String(r.weekday));
        data.append("start", r.start);
        data.append("end", endValue(r.end));
      }
      setSent(ordered.map((r) => r.key));
    },
    errorOf(row: Row, field: "start" | "end", fieldErrors: FieldErrors) {
      const index = sent.indexOf(row.key);
      return index < 0 ? undefined : fieldErrors?.[`intervals.${index}.${field}`];
    },
  };
}

type Props = {
  intervals: WeeklyIntervals;
  /** The server's field messages of the last answer (`intervals.<index>.start|end`). */
  fieldErrors: FieldErrors;
  /** Prefixes the inputs' ids: two editors on one page never share one. */
  idPrefix: string;
  /** « plage » or « plage en ligne »: how a row is named to a screen reader. */
  rowNoun: string;
  /** What a day without a row means (« Fermé »). */
  emptyText: string;
  compact?: boolean;
};

export function WeeklyIntervalsEditor({ intervals, fieldErrors, idPrefix, rowNoun, emptyText, compact = false }: Props) {
  const { rows, update } = intervals;
  const focusKey = useRef<number | null>(null);
  useEffect(() => {
    if (focusKey.current !== null) {
      document.getElementById(`${idPrefix}-${focusKey.current}-start`)?.focus();
      focusKey.current = null;
    }
  }, [rows, idPrefix]);

  const add = (weekday: IsoWeekday) => {
    focusKey.current = intervals.add(weekday);
  };
  const remove = (row: Row) => {
    intervals.remove(row.key);
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-add-${row.weekday}`)?.focus());
  };

  return (
    <div className={compact ? "divide-y divide-slate-100 rounded-md border border-slate-200 px-3" : "divide-y divide-slate-100"}>
      {DAYS.map((day) => {
        const dayRows = rows.filter((r) => r.weekday === day);
        return (
          <fieldset key={day} className={`grid gap-2 sm:grid-cols-[8rem_1fr] ${compact ? "py-2" : "py-3"}`}>
            <legend className="float-left pt-2 text-sm font-semibold text-slate-900 sm:w-32">{WEEKDAY_NAMES[day]}</legend>
            <div className="clear-left space-y-2 sm:clear-none">
              {dayRows.length === 0 && <p className="pt-2 text-sm text-slate-500">{emptyText}</p>}
              {dayRows.map((row, n) => {
                const [startError, endError] = [intervals.errorOf(row, "start", fieldErrors), intervals.errorOf(row, "end", fieldErrors)];
                const name = `${WEEKDAY_NAMES[day]}, ${rowNoun} ${n + 1}`;
                const id = `${idPrefix}-${row.key}`;
                const describedBy = [startError && `${id}-start-error`, endError && `${id}-end-error`].filter(Boolean).join(" ") || undefined;
                return (
                  <div key={row.key} className="space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <input
                        id={`${id}-start`}
                        type="time"
                        step={300}
                        value={row.start}
                        onChange={(e) => update(row.key, { start: e.target.value })}
                        aria-label={`${name} : début`}
                        aria-invalid={startError ? true : undefined}
                        aria-describedby={describedBy}
                        className={inputClass(startError)}
                      />
                      <span aria-hidden>–</span>
                      <input
                        id={`${id}-end`}
                        type="time"
                        step={300}
                        value={row.end}
                        onChange={(e) => update(row.key, { end: e.target.value })}
                        aria-label={`${name} : fin`}
                        aria-invalid={endError ? true : undefined}
                        aria-describedby={describedBy}
                        className={inputClass(endError)}
                      />
                      <button
                        type="button"
                        onClick={() => remove(row)}
                        aria-label={`Retirer ${name}`}
                        className="rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
                      >
                        Retirer
                      </button>
                    </div>
                    {startError && (
                      <p id={`${id}-start-error`} className="text-sm text-red-700">
                        {startError}
                      </p>
                    )}
                    {endError && endError !== startError && (
                      <p id={`${id}-end-error`} className="text-sm text-red-700">
                        {endError}
                      </p>
                    )}
                  </div>
                );
              })}
              <button
                id={`${idPrefix}-add-${day}`}
                type="button"
                onClick={() => add(day)}
                className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                aria-label={`Ajouter une ${rowNoun} le ${WEEKDAY_NAMES[day].toLowerCase()}`}
              >
                + Ajouter une plage
              </button>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
