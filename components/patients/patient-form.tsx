"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormError } from "@/components/ui/form-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { FormState } from "@/lib/forms/form-state";
import { PATIENT_FORM_FIELDS, type PatientFormValues, type SavedPatient } from "@/lib/patients/schema";
import { PatientIdentityFields } from "./identity-fields";

export type { SavedPatient };

export type PatientFormAction = (state: FormState<SavedPatient>, formData: FormData) => Promise<FormState<SavedPatient>>;

type Props = {
  /** Creates or updates the file. A page's action redirects; an inline one answers `data` for `onCreated`. */
  action: PatientFormAction;
  /** A stored file's values (patientFormValues), or part of a new one (e.g. a name typed in the agenda's search). */
  defaultValues?: Partial<PatientFormValues>;
  /** Inline use (the agenda's booking dialog): called once with the saved patient. */
  onCreated?: (patient: SavedPatient) => void;
  /** A « Annuler » button (inline) or link (page). */
  onCancel?: () => void;
  cancelHref?: string;
  submitLabel?: string;
  /** Keeps the fields' ids unique when the form sits beside another one (the booking dialog). */
  idPrefix?: string;
};

// The schema and its rules (matricule check digits, libphonenumber) load on first use of the form.
const loadSchema = () => import("@/lib/patients/schema").then((m) => m.patientFormSchema);

/** « Nouveau patient » and « Modifier » (the page), and the agenda's inline « Créer un dossier patient ». */
export function PatientForm({
  action,
  defaultValues,
  onCreated,
  onCancel,
  cancelHref,
  submitLabel = "Enregistrer le dossier",
  idPrefix = "patient",
}: Props) {
  const initial = Object.fromEntries(PATIENT_FORM_FIELDS.map((f) => [f, defaultValues?.[f] ?? ""])) as PatientFormValues;
  const formRef = useRef<HTMLFormElement>(null);
  const { state, pending, error, field, formProps, setValue } = useCheckedForm(action, loadSchema, initial, formRef);
  const [noMatricule, setNoMatricule] = useState(initial.noMatricule === "1");
  const alertRef = useRef<HTMLDivElement>(null);
  const reported = useRef<FormState<SavedPatient> | null>(null);

  useEffect(() => {
    if (reported.current === state) return;
    reported.current = state;
    if (state.status === "success" && state.data) onCreated?.(state.data);
    if (state.status === "error") {
      // The server refused: focus the first field it named, else its message.
      const first = PATIENT_FORM_FIELDS.find((f) => state.fieldErrors?.[f]);
      const input = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
      (input ?? alertRef.current)?.focus();
    }
  }, [state, onCreated]);

  const id = (name: string) => `${idPrefix}-${name}`;
  const toggle = (checked: boolean) => {
    setNoMatricule(checked);
    setValue("noMatricule", checked ? "1" : "");
    // A hidden field must not send what it still holds.
    if (checked) setValue("matricule", "");
    else {
      setValue("noMatriculeReason", "");
      setValue("otherIdentifier", "");
    }
  };

  return (
    <form {...formProps} className="space-y-4" aria-label={submitLabel}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("lastName")} label="Nom" {...field("lastName")} autoComplete="off" maxLength={80} error={error("lastName")} />
        <Field id={id("firstName")} label="Prénom" {...field("firstName")} autoComplete="off" maxLength={80} error={error("firstName")} />
        <Field
          id={id("birthDate")}
          label="Date de naissance (JJ/MM/AAAA)"
          {...field("birthDate")}
          inputMode="numeric"
          placeholder="12/03/1985"
          autoComplete="off"
          maxLength={12}
          error={error("birthDate")}
        />
      </div>

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Identification</legend>
        <PatientIdentityFields noMatricule={noMatricule} onNoMatriculeChange={toggle} error={error} field={field} idPrefix={idPrefix} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={id("email")}
          label="Courriel (facultatif)"
          type="email"
          {...field("email")}
          autoComplete="off"
          maxLength={260}
          error={error("email")}
        />
        <Field
          id={id("phone")}
          label="Téléphone (facultatif)"
          type="tel"
          {...field("phone")}
          placeholder="621 123 456"
          autoComplete="off"
          maxLength={40}
          error={error("phone")}
        />
      </div>
      <TextArea id={id("address")} label="Adresse (facultatif)" {...field("address")} rows={3} maxLength={320} error={error("address")} />

      {state.status === "error" && state.formError && (
        <div ref={alertRef} tabIndex={-1} className="outline-none">
          <FormError message={state.formError} links={state.links} />
        </div>
      )}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {pending ? "Enregistrement…" : submitLabel}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Annuler
          </Button>
        )}
        {cancelHref && !onCancel && (
          <Link
            href={cancelHref}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Annuler
          </Link>
        )}
      </div>
    </form>
  );
}
