"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { FormState } from "@/lib/forms/form-state";
import { FormFeedback } from "./form-feedback";

/** `iban` as printed on fee notes, by groups of 4: the page formats it (ibantools stays out of the first load). */
type Props = { iban: string | null; ibanHolder: string | null; action: (state: FormState, formData: FormData) => Promise<FormState> };

// With the IBAN rules, and ibantools with them.
const loadSchema = () => import("@/lib/profile/schema").then((m) => m.bankSchema);

/** The account fee notes ask patients to pay into. */
export function BankForm({ iban, ibanHolder, action }: Props) {
  const { state, pending, error, field, formProps } = useCheckedForm(action, loadSchema, { iban: iban ?? "", ibanHolder: ibanHolder ?? "" });
  return (
    <form {...formProps} className="space-y-4">
      {iban && (
        <p className="text-sm text-slate-700">
          Imprimé sur vos mémoires d&apos;honoraires :{" "}
          <span className="whitespace-nowrap font-mono font-semibold text-slate-900" data-testid="saved-iban">
            {iban}
          </span>
          {ibanHolder && <> — {ibanHolder}</>}
        </p>
      )}
      <Field
        label="IBAN"
        {...field("iban")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="LU28 0019 4006 4475 0000"
        className="font-mono"
        error={error("iban")}
      />
      <Field label="Titulaire du compte" {...field("ibanHolder")} autoComplete="name" error={error("ibanHolder")} />
      <FormFeedback state={state} />
      <Button type="submit" pending={pending}>
        Enregistrer l&apos;IBAN
      </Button>
    </form>
  );
}
