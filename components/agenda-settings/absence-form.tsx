"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

const FIELDS = ["startDay", "startTime", "endDay", "endTime", "label"] as const;

/** A new absence: from a day (and time) to a day (and time), with a label. Emptied once saved. */
export function AbsenceForm({
  action,
}: {
  action: (state: FormState<{ appointmentsDuring: number }>, formData: FormData) => Promise<FormState<{ appointmentsDuring: number }>>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, formProps } = useServerForm(action, formRef);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
    if (state.status === "error") {
      const first = FIELDS.find((f) => state.fieldErrors?.[f]);
      (first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : alertRef.current)?.focus();
    }
  }, [state]);
  const error = (name: (typeof FIELDS)[number]) => (state.status === "error" ? state.fieldErrors?.[name] : undefined);
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label="Nouvelle absence">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="absence-label" label="Libellé" name="label" placeholder="Congés, formation…" maxLength={100} error={error("label")} />
        <div className="hidden sm:block" />
        <Field id="absence-startDay" label="Du (date)" name="startDay" type="date" min="1900-01-01" max="2200-12-31" error={error("startDay")} />
        <Field id="absence-startTime" label="À partir de (heure, facultatif)" name="startTime" type="time" step={300} error={error("startTime")} />
        <Field id="absence-endDay" label="Au (date)" name="endDay" type="date" min="1900-01-01" max="2200-12-31" error={error("endDay")} />
        <Field id="absence-endTime" label="Jusqu'à (heure, facultatif)" name="endTime" type="time" step={300} error={error("endTime")} />
      </div>
      <p className="text-sm text-slate-600">Sans heure, l&apos;absence couvre les journées entières.</p>
      {state.status === "error" && state.formError && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert>{state.formError}</Alert>
        </div>
      )}
      {state.status === "success" && state.message && <Alert tone={state.data?.appointmentsDuring ? "warning" : "info"}>{state.message}</Alert>}
      <Button type="submit" pending={pending}>
        Ajouter l&apos;absence
      </Button>
    </form>
  );
}
