"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useErrorFocus } from "@/components/ui/use-error-focus";
import type { OpeningInterval } from "@/lib/agenda/hours";
import { cancellationLabel, noticeLabel } from "@/lib/booking/messages";
import { CANCELLATION_CHOICES, MAX_HORIZON_WEEKS, MIN_HORIZON_WEEKS, NOTICE_CHOICES } from "@/lib/booking/schema";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { useWeeklyIntervals, WeeklyIntervalsEditor } from "./weekly-intervals";

type Motif = { id: string; label: string; durationMinutes: number; active: boolean; bookableOnline: boolean; openToNewPatients: boolean };
type Values = {
  enabled: boolean;
  customWindows: boolean;
  minNoticeMinutes: number;
  horizonWeeks: number;
  cancellationDeadlineHours: number;
  reminderHours: 24 | 48 | null;
  showReviews: boolean;
};
type Props = {
  values: Values;
  /** The custom windows saved, or the opening hours to start from when there are none. */
  windows: OpeningInterval[];
  motifs: Motif[];
  slug: string | null;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

const selectClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";

/**
 * « Prise de rendez-vous en ligne »: on or off, the windows open online (the opening hours, or
 * custom ones such as keeping 16:00–18:00 for urgent cases), each motif's online flags, notice,
 * horizon, cancellation deadline, reminder and reviews. Saved at once; the server checks all.
 */
export function OnlineBookingForm({ values, windows, motifs, slug, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  const formRef = useErrorFocus(state);
  const [custom, setCustom] = useState(values.customWindows);
  const intervals = useWeeklyIntervals(windows);
  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors?.[name] : undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    intervals.appendTo(data);
    startTransition(() => formAction(data));
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Prise de rendez-vous en ligne">
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-base font-medium text-slate-900">
          <input type="checkbox" name="enabled" defaultChecked={values.enabled} className="size-5 accent-brand-700" />
          Accepter les rendez-vous en ligne
        </label>
        <p className="text-sm text-slate-600">
          {slug ? (
            <>
              Votre page publique :{" "}
              <a href={`/rdv/${slug}`} className="font-medium text-brand-700 underline" target="_blank" rel="noreferrer">
                /rdv/{slug}
              </a>
            </>
          ) : (
            "Votre page publique (/rdv/dr-prenom-nom) est créée au premier enregistrement."
          )}{" "}
          Elle ne montre que les créneaux libres, jamais qui a rendez-vous ni pourquoi.
        </p>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Plages ouvertes en ligne</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="windowsMode" value="opening" checked={!custom} onChange={() => setCustom(false)} className="size-4" />
          Les heures d&apos;ouverture
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="windowsMode" value="custom" checked={custom} onChange={() => setCustom(true)} className="size-4" />
          Des plages choisies (par exemple garder 16:00–18:00 pour les urgences)
        </label>
        {custom && (
          <WeeklyIntervalsEditor
            intervals={intervals}
            fieldErrors={state.status === "error" ? state.fieldErrors : undefined}
            idPrefix="online"
            rowNoun="plage en ligne"
            emptyText="Pas de réservation en ligne"
            compact
          />
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Motifs proposés en ligne</legend>
        {motifs.length === 0 && <p className="text-sm text-slate-600">Aucun motif : créez-en dans « Motifs de consultation ».</p>}
        <ul className="divide-y divide-slate-100">
          {motifs.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <input type="hidden" name="motif" value={m.id} />
              <span className="text-sm font-medium text-slate-900">
                {m.label} <span className="font-normal text-slate-600">({m.durationMinutes} min)</span>
                {!m.active && <span className="ml-1 text-xs text-slate-500">— inactif</span>}
              </span>
              <span className="flex flex-wrap gap-4 text-sm">
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" name={`online-${m.id}`} defaultChecked={m.bookableOnline} className="size-4" />
                  Réservable en ligne
                  <span className="sr-only"> : {m.label}</span>
                </label>
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" name={`new-${m.id}`} defaultChecked={m.openToNewPatients} className="size-4" />
                  Nouveaux patients
                  <span className="sr-only"> : {m.label}</span>
                </label>
              </span>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Délai minimum avant un rendez-vous"
          name="minNoticeMinutes"
          defaultValue={values.minNoticeMinutes}
          error={fieldError("minNoticeMinutes")}
        >
          {NOTICE_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? "Aucun" : noticeLabel(m)}
            </option>
          ))}
        </Select>
        <Select label="Réservable jusqu'à" name="horizonWeeks" defaultValue={values.horizonWeeks} error={fieldError("horizonWeeks")}>
          {Array.from({ length: MAX_HORIZON_WEEKS - MIN_HORIZON_WEEKS + 1 }, (_, i) => i + MIN_HORIZON_WEEKS).map((w) => (
            <option key={w} value={w}>
              {w} semaine{w > 1 ? "s" : ""} à l&apos;avance
            </option>
          ))}
        </Select>
        <Select
          label="Annulation par le patient"
          name="cancellationDeadlineHours"
          defaultValue={values.cancellationDeadlineHours}
          error={fieldError("cancellationDeadlineHours")}
        >
          {CANCELLATION_CHOICES.map((h) => (
            <option key={h} value={h}>
              {cancellationLabel(h).replace(/^./, (c) => c.toUpperCase())}
            </option>
          ))}
        </Select>
        <Select label="Rappel au patient" name="reminder" defaultValue={values.reminderHours ?? "none"} error={fieldError("reminder")}>
          <option value="none">Aucun rappel</option>
          <option value="24">24 h avant</option>
          <option value="48">48 h avant</option>
        </Select>
      </div>

      <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
        <input type="checkbox" name="showReviews" defaultChecked={values.showReviews} className="size-4" />
        Afficher les avis sur ma page
      </label>

      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" pending={pending}>
        Enregistrer la réservation en ligne
      </Button>
    </form>
  );
}

function Select({
  label,
  name,
  defaultValue,
  error,
  children,
}: {
  label: string;
  name: string;
  defaultValue: string | number;
  error?: string;
  children: React.ReactNode;
}) {
  const id = `online-booking-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={String(defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={selectClass}
      >
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
