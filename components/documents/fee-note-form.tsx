"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { formatCents } from "@/lib/format/money";
import type { FeeLineValues, FeeNoteValues } from "@/lib/documents/form-values";
import { MAX_FEE_LINES } from "@/lib/documents/schema";
import { readEuros } from "@/lib/documents/totals";
import { AddLineButton, ArrayError, FormFooter, RemoveLineButton } from "./form-parts";
import { LineInput } from "./line-input";
import { useDocumentForm, type DocumentFormProps } from "./use-document-form";

type Props = DocumentFormProps<FeeNoteValues>;

const EMPTY_LINE: FeeLineValues = { code: "", label: "", quantity: "1", amount: "" };
let nextKey = 0;
const keyed = (line: FeeLineValues) => ({ ...line, key: nextKey++ });

/** « Mémoire d'honoraires »: the acts of one day with their CNS codes, the total computed as typed. */
export function FeeNoteForm({ action, initial, replaces, cancelHref }: Props) {
  const { state, errors, pending, formProps } = useDocumentForm("fee_note", action);
  const [lines, setLines] = useState(() => (initial.lines.length ? initial.lines : [EMPTY_LINE]).map(keyed));
  // « Ajouter » puts the focus in the new line's first field, where the typing goes next.
  const focusNewLine = useRef(false);
  useEffect(() => {
    if (!focusNewLine.current) return;
    focusNewLine.current = false;
    document.getElementById(`fee-${lines.length - 1}-code`)?.focus();
  }, [lines.length]);
  const update = (i: number, field: keyof FeeLineValues, value: string) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  // The total shown is the server's rule (integer cents), not a float sum; unreadable lines count as 0.
  let total = 0;
  for (const l of lines) {
    const unit = readEuros(l.amount);
    const qty = /^\d{1,2}$/.test(l.quantity.trim()) ? Number(l.quantity) : 0;
    if (unit.ok) total += unit.cents * qty;
  }
  return (
    <form {...formProps} className="space-y-5" aria-label="Nouveau mémoire d'honoraires">
      {replaces && <input type="hidden" name="replaces" value={replaces.id} />}
      <div className="max-w-xs">
        <Field label="Date de prestation" name="issuedOn" id="fee-issuedOn" type="date" defaultValue={initial.issuedOn} error={errors.issuedOn} />
      </div>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">Actes (codes de la nomenclature CNS)</legend>
        <div className="hidden grid-cols-[6rem_minmax(0,1fr)_4.5rem_7rem_2.25rem] gap-2 text-xs font-medium text-slate-500 sm:grid">
          <span>Code</span>
          <span>Libellé</span>
          <span>Quantité</span>
          <span>Prix unitaire (€)</span>
        </div>
        <ol className="space-y-3 sm:space-y-2">
          {lines.map((line, i) => (
            <li
              key={line.key}
              className="grid grid-cols-[6rem_minmax(0,1fr)_2.25rem] gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[6rem_minmax(0,1fr)_4.5rem_7rem_2.25rem] sm:border-0 sm:p-0"
            >
              <LineInput
                id={`fee-${i}-code`}
                name="code"
                label={`Code de l'acte ${i + 1}`}
                placeholder="C1"
                autoCapitalize="characters"
                className="font-mono uppercase"
                value={line.code}
                onChange={(e) => update(i, "code", e.target.value)}
                error={errors[`lines.${i}.code`]}
              />
              <LineInput
                id={`fee-${i}-label`}
                name="label"
                label={`Libellé de l'acte ${i + 1}`}
                placeholder="Consultation"
                value={line.label}
                onChange={(e) => update(i, "label", e.target.value)}
                error={errors[`lines.${i}.label`]}
              />
              <div className="col-span-2 grid grid-cols-2 gap-2 sm:contents">
                <LineInput
                  id={`fee-${i}-quantity`}
                  name="quantity"
                  label={`Quantité de l'acte ${i + 1}`}
                  inputMode="numeric"
                  className="text-right tabular-nums"
                  value={line.quantity}
                  onChange={(e) => update(i, "quantity", e.target.value)}
                  error={errors[`lines.${i}.quantity`]}
                />
                <LineInput
                  id={`fee-${i}-amount`}
                  name="amount"
                  label={`Prix unitaire de l'acte ${i + 1} en euros`}
                  inputMode="decimal"
                  placeholder="54,80"
                  className="text-right tabular-nums"
                  value={line.amount}
                  onChange={(e) => update(i, "amount", e.target.value)}
                  error={errors[`lines.${i}.unitCents`]}
                />
              </div>
              <div className="col-start-3 row-start-1 sm:col-start-auto sm:row-start-auto">
                <RemoveLineButton
                  label={`Retirer l'acte ${i + 1}`}
                  disabled={lines.length === 1}
                  onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ol>
        <ArrayError message={errors.lines} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <AddLineButton
            disabled={lines.length >= MAX_FEE_LINES}
            onClick={() => {
              setLines((ls) => [...ls, keyed(EMPTY_LINE)]);
              focusNewLine.current = true;
            }}
          >
            Ajouter un acte
          </AddLineButton>
          <p className="text-base text-slate-700" aria-live="polite">
            Total :{" "}
            <strong className="tabular-nums text-slate-900" data-testid="fee-total">
              {formatCents(total)}
            </strong>
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Règlement</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="paid" value="unpaid" defaultChecked={!initial.paid} className="size-4 accent-brand-600" />À payer (IBAN et code
            QR Payconiq imprimés)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="paid" value="paid" defaultChecked={initial.paid} className="size-4 accent-brand-600" />
            Acquittée (déjà payée)
          </label>
        </div>
        {errors.paid && <p className="mt-1 text-sm text-red-700">{errors.paid}</p>}
      </fieldset>
      <FormFooter
        state={state}
        pending={pending}
        submitLabel="Établir le mémoire d'honoraires"
        replacesNumber={replaces?.number ?? null}
        cancelHref={cancelHref}
      />
    </form>
  );
}
