"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";
import { PALETTE, VISIT_REASON_COLOURS, type VisitReasonColour } from "@/lib/agenda/palette";

type Values = { label: string; durationMinutes: number; colour: VisitReasonColour; active: boolean };
type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values?: Values;
  /** « new » or the motif's id: keeps the ids of two forms on the page apart. */
  idPrefix: string;
  submitLabel: string;
  onDone?: () => void;
  onCancel?: () => void;
};

const FIELDS = ["label", "durationMinutes", "colour", "active"] as const;

/** A motif's label, duration (5–240, by 5), colour (the palette, named) and whether it is offered. */
export function MotifForm({ action, values, idPrefix, submitLabel, onDone, onCancel }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, formProps } = useServerForm(action, formRef);
  const alertRef = useRef<HTMLDivElement>(null);
  const handled = useRef(state);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.status === "success") {
      formRef.current?.reset();
      onDone?.();
    }
    if (state.status === "error") {
      const first = FIELDS.find((f) => state.fieldErrors?.[f]);
      (first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : alertRef.current)?.focus();
    }
  }, [state, onDone]);
  const error = (name: (typeof FIELDS)[number]) => (state.status === "error" ? state.fieldErrors?.[name] : undefined);
  const id = (name: string) => `motif-${idPrefix}-${name}`;
  return (
    <form {...formProps} noValidate className="space-y-3" aria-label={submitLabel}>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <Field id={id("label")} label="Libellé" name="label" defaultValue={values?.label ?? ""} maxLength={80} error={error("label")} />
        <Field
          id={id("durationMinutes")}
          label="Durée (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          step={5}
          defaultValue={values?.durationMinutes ?? 15}
          error={error("durationMinutes")}
        />
      </div>
      <fieldset aria-describedby={error("colour") ? id("colour-error") : undefined}>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">Couleur</legend>
        <div className="flex flex-wrap gap-2">
          {VISIT_REASON_COLOURS.map((c) => (
            <label
              key={c}
              className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm has-[:checked]:border-slate-900 has-[:checked]:ring-2 has-[:checked]:ring-brand-600/40 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600"
              style={{ background: PALETTE[c].background, color: PALETTE[c].text }}
            >
              <input type="radio" name="colour" value={c} defaultChecked={(values?.colour ?? "blue") === c} className="size-4 accent-slate-900" />
              <span aria-hidden className="size-3 rounded-full" style={{ background: PALETTE[c].border }} />
              {PALETTE[c].label}
            </label>
          ))}
        </div>
        {error("colour") && (
          <p id={id("colour-error")} className="mt-1 text-sm text-red-700">
            {error("colour")}
          </p>
        )}
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="active" value="1" defaultChecked={values?.active ?? true} className="size-4 accent-brand-600" />
        Actif (proposé pour les nouveaux rendez-vous)
      </label>
      {state.status === "error" && state.formError && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <Alert>{state.formError}</Alert>
        </div>
      )}
      {!onDone && state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        )}
      </div>
    </form>
  );
}
