"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, type BaseSyntheticEvent } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { formatIban } from "@/lib/profile/iban";
import { bankSchema } from "@/lib/profile/schema";
import { FormFeedback } from "./form-feedback";

type Props = { iban: string | null; ibanHolder: string | null; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** The account fee notes ask patients to pay into. */
export function BankForm({ iban, ibanHolder, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof bankSchema>, unknown, z.output<typeof bankSchema>>({
    resolver: zodResolver(bankSchema),
    defaultValues: { iban: iban ? formatIban(iban) : "", ibanHolder: ibanHolder ?? "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const onValid = (_: unknown, event?: BaseSyntheticEvent) => {
    const form = event?.target as HTMLFormElement;
    startTransition(() => formAction(new FormData(form)));
  };
  return (
    <form action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-4">
      {iban && (
        <p className="text-sm text-slate-700">
          Imprimé sur vos mémoires d&apos;honoraires :{" "}
          <span className="whitespace-nowrap font-mono font-semibold text-slate-900" data-testid="saved-iban">
            {formatIban(iban)}
          </span>
          {ibanHolder && <> — {ibanHolder}</>}
        </p>
      )}
      <Field
        label="IBAN"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="LU28 0019 4006 4475 0000"
        className="font-mono"
        error={errors.iban?.message ?? state.fieldErrors?.iban}
        {...register("iban")}
      />
      <Field label="Titulaire du compte" autoComplete="name" error={errors.ibanHolder?.message ?? state.fieldErrors?.ibanHolder} {...register("ibanHolder")} />
      <FormFeedback state={state} />
      <Button type="submit" pending={pending}>
        Enregistrer l&apos;IBAN
      </Button>
    </form>
  );
}
