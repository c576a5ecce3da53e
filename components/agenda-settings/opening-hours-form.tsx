"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import type { OpeningInterval } from "@/lib/agenda/hours";
import { useWeeklyIntervals, WeeklyIntervalsEditor } from "./weekly-intervals";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The week's opening hours, edited day by day (zero or more intervals each) and saved at once.
 * The server checks every row (5-minute grid, start before end, no overlap) and answers each
 * message by its index in what was sent; the form keeps that order to put it under its row.
 */
export function OpeningHoursForm({ hours, action }: { hours: OpeningInterval[]; action: Action }) {
  const intervals = useWeeklyIntervals(hours);
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status === "error") alertRef.current?.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData();
    intervals.appendTo(data);
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        Par tranches de 5 minutes. Une plage qui finit à minuit se termine à 00:00. Un jour sans plage est fermé.
      </p>
      <WeeklyIntervalsEditor
        intervals={intervals}
        fieldErrors={state.status === "error" ? state.fieldErrors : undefined}
        idPrefix="hours"
        rowNoun="plage"
        emptyText="Fermé"
      />
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
