"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/text-area";
import type { PrescriptionValues } from "@/lib/documents/form-values";
import { MAX_PRESCRIPTION_LINES } from "@/lib/documents/schema";
import { AddLineButton, ArrayError, FormFooter, RemoveLineButton } from "./form-parts";
import { LineInput } from "./line-input";
import { useDocumentForm, type DocumentFormProps } from "./use-document-form";

type Props = DocumentFormProps<PrescriptionValues>;

let nextKey = 0;
const keyed = (line: { medication: string; dosage: string }) => ({ ...line, key: nextKey++ });

/** « Ordonnance »: one line per medication, with its dosage. */
export function PrescriptionForm({ action, initial, replaces, cancelHref }: Props) {
  const { state, errors, pending, formProps } = useDocumentForm("prescription", action);
  const [lines, setLines] = useState(() => (initial.lines.length ? initial.lines : [{ medication: "", dosage: "" }]).map(keyed));
  // « Ajouter » puts the focus in the new line's first field, where the typing goes next.
  const focusNewLine = useRef(false);
  useEffect(() => {
    if (!focusNewLine.current) return;
    focusNewLine.current = false;
    document.getElementById(`rx-${lines.length - 1}-medication`)?.focus();
  }, [lines.length]);
  const update = (i: number, field: "medication" | "dosage", value: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  return (
    <form {...formProps} className="space-y-5" aria-label="Nouvelle ordonnance">
      {replaces && <input type="hidden" name="replaces" value={replaces.id} />}
      <div className="max-w-xs">
        <Field
          label="Date de l'ordonnance"
          name="issuedOn"
          id="prescription-issuedOn"
          type="date"
          defaultValue={initial.issuedOn}
          error={errors.issuedOn}
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">Médicaments</legend>
        <ol className="space-y-3">
          {lines.map((line, i) => (
            <li key={line.key} className="flex items-start gap-2">
              <span aria-hidden className="mt-2 w-5 shrink-0 text-right text-sm font-semibold text-slate-500">
                {i + 1}.
              </span>
              <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
                <LineInput
                  id={`rx-${i}-medication`}
                  name="medication"
                  label={`Médicament ${i + 1}`}
                  placeholder="Médicament et dosage, ex. Amoxicilline 1 g"
                  value={line.medication}
                  onChange={(e) => update(i, "medication", e.target.value)}
                  error={errors[`lines.${i}.medication`]}
                />
                <LineInput
                  id={`rx-${i}-dosage`}
                  name="dosage"
                  label={`Posologie du médicament ${i + 1}`}
                  placeholder="Posologie, ex. 1 comprimé 3 fois par jour pendant 7 jours"
                  value={line.dosage}
                  onChange={(e) => update(i, "dosage", e.target.value)}
                  error={errors[`lines.${i}.dosage`]}
                />
              </div>
              <RemoveLineButton
                label={`Retirer le médicament ${i + 1}`}
                disabled={lines.length === 1}
                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ol>
        <ArrayError message={errors.lines} />
        <AddLineButton
          disabled={lines.length >= MAX_PRESCRIPTION_LINES}
          onClick={() => {
            setLines((ls) => [...ls, keyed({ medication: "", dosage: "" })]);
            focusNewLine.current = true;
          }}
        >
          Ajouter un médicament
        </AddLineButton>
      </fieldset>
      <TextArea label="Remarques" hint="facultatif" name="notes" id="prescription-notes" rows={3} defaultValue={initial.notes} error={errors.notes} />
      <FormFooter
        state={state}
        pending={pending}
        submitLabel="Établir l'ordonnance"
        replacesNumber={replaces?.number ?? null}
        cancelHref={cancelHref}
      />
    </form>
  );
}
