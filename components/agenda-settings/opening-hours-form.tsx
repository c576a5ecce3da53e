"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import type { IsoWeekday, OpeningInterval } from "@/lib/agenda/hours";
import { formatTime } from "@/lib/time/luxembourg";

const WEEKDAY_NAMES: Record<IsoWeekday, string> = { 1: "Lundi", 2: "Mardi", 3: "Mercredi", 4: "Jeudi", 5: "Vendredi", 6: "Samedi", 7: "Dimanche" };
const DAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

type Row = { key: number; weekday: IsoWeekday; start: string; end: string };
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

// A time input cannot hold 24:00: an interval running to midnight shows, and is typed, as 00:00.
const endText = (minute: number) => (minute === 1440 ? "00:00" : formatTime(minute));
const endValue = (text: string) => (text === "00:00" ? "24:00" : text);

// Keys from the stored order: the same in the server's HTML and after hydration (ids use them).
const rowOf = (i: OpeningInterval, key: number): Row => ({ key, weekday: i.weekday, start: formatTime(i.startMinute), end: endText(i.endMinute) });

/**
 * The week's opening hours, edited day by day (zero or more intervals each) and saved at once.
 * The server checks every row (5-minute grid, start before end, no overlap) and answers each
 * message by its index in what was sent; the form keeps that order to put it under its row.
 */
export function OpeningHoursForm({ hours, action }: { hours: OpeningInterval[]; action: Action }) {
  const [rows, setRows] = useState<Row[]>(() => hours.map(rowOf));
  const nextKey = useRef(hours.length);
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  const [sent, setSent] = useState<number[]>([]);
  const focusKey = useRef<number | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusKey.current !== null) {
      document.getElementById(`hours-${focusKey.current}-start`)?.focus();
      focusKey.current = null;
    }
  }, [rows]);
  useEffect(() => {
    if (state.status === "error") alertRef.current?.focus();
  }, [state]);

  const ordered = DAYS.flatMap((d) => rows.filter((r) => r.weekday === d));
  const errorOf = (row: Row, field: "start" | "end") => {
    const index = sent.indexOf(row.key);
    return index < 0 || state.status !== "error" ? undefined : state.fieldErrors?.[`intervals.${index}.${field}`];
  };

  const update = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (weekday: IsoWeekday) => {
    const last = rows.filter((r) => r.weekday === weekday).at(-1);
    const row: Row = { key: nextKey.current++, weekday, start: last ? last.end : "08:00", end: last ? "18:00" : "12:00" };
    focusKey.current = row.key;
    setRows((all) => [...all, row]);
  };
  const remove = (row: Row) => {
    setRows((all) => all.filter((r) => r.key !== row.key));
    requestAnimationFrame(() => document.getElementById(`hours-add-${row.weekday}`)?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData();
    for (const r of ordered) {
      data.append("weekday", String(r.weekday));
      data.append("start", r.start);
      data.append("end", endValue(r.end));
    }
    setSent(ordered.map((r) => r.key));
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        Par tranches de 5 minutes. Une plage qui finit à minuit se termine à 00:00. Un jour sans plage est fermé.
      </p>
      <div className="divide-y divide-slate-100">
        {DAYS.map((day) => {
          const dayRows = rows.filter((r) => r.weekday === day);
          return (
            <fieldset key={day} className="grid gap-2 py-3 sm:grid-cols-[8rem_1fr]">
              <legend className="float-left pt-2 text-sm font-semibold text-slate-900 sm:w-32">{WEEKDAY_NAMES[day]}</legend>
              <div className="clear-left space-y-2 sm:clear-none">
                {dayRows.length === 0 && <p className="pt-2 text-sm text-slate-500">Fermé</p>}
                {dayRows.map((row, n) => {
                  const [startError, endError] = [errorOf(row, "start"), errorOf(row, "end")];
                  const name = `${WEEKDAY_NAMES[day]}, plage ${n + 1}`;
                  const describedBy =
                    [startError && `hours-${row.key}-start-error`, endError && `hours-${row.key}-end-error`].filter(Boolean).join(" ") || undefined;
                  return (
                    <div key={row.key} className="space-y-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <input
                          id={`hours-${row.key}-start`}
                          type="time"
                          step={300}
                          value={row.start}
                          onChange={(e) => update(row.key, { start: e.target.value })}
                          aria-label={`${name} : début`}
                          aria-invalid={startError ? true : undefined}
                          aria-describedby={describedBy}
                          className={`rounded-md border px-2 py-1.5 text-base tabular-nums sm:text-sm ${startError ? "border-red-600" : "border-slate-300"} focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
                        />
                        <span aria-hidden>–</span>
                        <input
                          id={`hours-${row.key}-end`}
                          type="time"
                          step={300}
                          value={row.end}
                          onChange={(e) => update(row.key, { end: e.target.value })}
                          aria-label={`${name} : fin`}
                          aria-invalid={endError ? true : undefined}
                          aria-describedby={describedBy}
                          className={`rounded-md border px-2 py-1.5 text-base tabular-nums sm:text-sm ${endError ? "border-red-600" : "border-slate-300"} focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
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
                        <p id={`hours-${row.key}-start-error`} className="text-sm text-red-700">
                          {startError}
                        </p>
                      )}
                      {endError && endError !== startError && (
                        <p id={`hours-${row.key}-end-error`} className="text-sm text-red-700">
                          {endError}
                        </p>
                      )}
                    </div>
                  );
                })}
                <button
                  id={`hours-add-${day}`}
                  type="button"
                  onClick={() => add(day)}
                  className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                  aria-label={`Ajouter une plage le ${WEEKDAY_NAMES[day].toLowerCase()}`}
                >
                  + Ajouter une plage
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      {state.status === "error" && state.formError && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert>{state.formError}</Alert>
        </div>
      )}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" pending={pending}>
        Enregistrer les heures d&apos;ouverture
      </Button>
    </form>
  );
}
