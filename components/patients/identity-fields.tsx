"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { NO_MATRICULE_REASONS } from "@/lib/patients/file-rules";
import { NO_MATRICULE_REASON_LABEL } from "@/lib/patients/schema";

type IdentityField = "matricule" | "noMatriculeReason" | "otherIdentifier";

type Props = {
  /** « Pas de matricule luxembourgeois » is ticked: the reason and the other identifier instead. */
  noMatricule: boolean;
  onNoMatriculeChange: (checked: boolean) => void;
  /** The message under a field (the browser's or the server's). */
  error: (name: IdentityField) => string | undefined;
  /** The form's registration of a field (react-hook-form), where the form has one. */
  field?: (name: IdentityField) => UseFormRegisterReturn & { defaultValue?: string };
  /** The fields' ids are `<idPrefix>-<name>`; without it, the fields' own (`field-<name>`). */
  idPrefix?: string;
};

const REASON_OPTIONS = [
  { value: "", label: "Choisissez une raison…" },
  ...NO_MATRICULE_REASONS.map((r) => ({ value: r, label: NO_MATRICULE_REASON_LABEL[r] })),
];

/**
 * A patient's identification, as the file asks it (lib/patients/schema.ts): the matricule, or why
 * there is none and another identifier. The patient file's form and the booking flow's « pour qui »
 * both show it; `noMatricule` posts as a hidden field, so the server reads the same choice.
 */
export function PatientIdentityFields({ noMatricule, onNoMatriculeChange, error, field, idPrefix }: Props) {
  const props = (name: IdentityField) => ({ id: idPrefix ? `${idPrefix}-${name}` : undefined, ...(field?.(name) ?? { name }), error: error(name) });
  return (
    <>
      <input type="hidden" name="noMatricule" value={noMatricule ? "1" : ""} />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={noMatricule}
          onChange={(e) => onNoMatriculeChange(e.target.checked)}
          className="size-4 rounded border-slate-300 accent-brand-600"
        />
        Pas de matricule luxembourgeois
      </label>
      {noMatricule ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Raison" {...props("noMatriculeReason")} options={REASON_OPTIONS} />
          <Field
            label="Autre identifiant (facultatif)"
            {...props("otherIdentifier")}
            placeholder="N° de carte européenne d'assurance maladie"
            autoComplete="off"
            maxLength={60}
          />
        </div>
      ) : (
        <Field
          label="Matricule (13 chiffres)"
          {...props("matricule")}
          inputMode="numeric"
          placeholder="1985 0312 123 45"
          autoComplete="off"
          maxLength={20}
          className="font-mono"
        />
      )}
    </>
  );
}
