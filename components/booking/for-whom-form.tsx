"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";
import { PatientIdentityFields } from "@/components/patients/identity-fields";
import { FormAlert } from "./account-step";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  account: { firstName: string; lastName: string };
  /** The account's own file at this practice exists: nothing more is asked for « moi ». */
  hasOwnFile: boolean;
  relatives: { id: string; label: string }[];
  /** The summary of the time, shown again on the confirmation step. */
  summary: React.ReactNode;
};

/**
 * « Pour qui ? » then « Confirmer ». One form: the second step hides the fields (they still post)
 * and shows the summary; a refusal from the server brings the fields back with its messages.
 */
export function ForWhomForm({ action, account, hasOwnFile, relatives, summary }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  const [who, setWho] = useState<string>("moi");
  const [noMatricule, setNoMatricule] = useState(false);
  // The confirmation step holds while the server has not sent field errors since « Continuer ».
  const [confirmedAt, setConfirmedAt] = useState<FormState | null>(null);
  const fieldRefused = state.status === "error" && Object.keys(state.fieldErrors ?? {}).length > 0;
  const step = confirmedAt !== null && (confirmedAt === state || !fieldRefused) ? "confirm" : "who";
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step === "confirm") heading.current?.focus();
  }, [step]);

  const needsFile = who === "proche" || (who === "moi" && !hasOwnFile);
  const error = (name: string) => state.fieldErrors?.[name];
  const personLabel =
    who === "moi"
      ? `${account.firstName} ${account.lastName} (moi)`
      : who === "proche"
        ? "Un proche (nouveau dossier)"
        : (relatives.find((r) => r.id === who)?.label ?? "");

  return (
    <form {...formProps} noValidate className="space-y-5" aria-label="Réserver">
      <input type="hidden" name="needsFile" value={needsFile ? "1" : ""} />
      <div className={step === "who" ? "space-y-5" : "hidden"}>
        <fieldset className="space-y-2">
          <legend className="text-base font-semibold text-slate-900">Pour qui est ce rendez-vous ?</legend>
          {[
            { value: "moi", label: `Moi-même (${account.firstName} ${account.lastName})` },
            ...relatives.map((r) => ({ value: r.id, label: r.label })),
            { value: "proche", label: "Un proche (un enfant, par exemple)" },
          ].map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="radio"
                name="who"
                value={o.value}
                checked={who === o.value}
                onChange={() => setWho(o.value)}
                className="size-4 accent-brand-600"
              />
              {o.label}
            </label>
          ))}
          {error("who") && <p className="text-sm text-red-700">{error("who")}</p>}
        </fieldset>

        {needsFile && (
          <div className="space-y-4 rounded-md border border-slate-200 p-4">
            <p className="text-sm text-slate-700">
              {who === "moi"
                ? "Première réservation chez ce médecin : le cabinet crée votre dossier avec ces informations."
                : "Le cabinet crée le dossier de votre proche avec ces informations."}
            </p>
            {who === "proche" && (
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Prénom" name="firstName" autoComplete="off" maxLength={80} error={error("firstName")} />
                <Field label="Nom" name="lastName" autoComplete="off" maxLength={80} error={error("lastName")} />
              </div>
            )}
            <Field
              label="Date de naissance (JJ/MM/AAAA)"
              name="birthDate"
              inputMode="numeric"
              placeholder="12/03/1985"
              autoComplete={who === "moi" ? "bday" : "off"}
              maxLength={12}
              error={error("birthDate")}
            />
            <PatientIdentityFields noMatricule={noMatricule} onNoMatriculeChange={setNoMatricule} error={error} />
            <Field
              label="Téléphone (facultatif, pour les rappels)"
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={40}
              error={error("phone")}
            />
          </div>
        )}
        <Button type="button" onClick={() => setConfirmedAt(state)}>
          Continuer
        </Button>
      </div>

      {step === "confirm" && (
        <div className="space-y-4">
          <h2 ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
            Vérifiez et confirmez
          </h2>
          {summary}
          <p className="text-sm text-slate-800">
            Pour : <strong>{personLabel}</strong>
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" pending={pending}>
              Confirmer le rendez-vous
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirmedAt(null)}>
              Modifier
            </Button>
          </div>
        </div>
      )}
      <FormAlert state={state} />
    </form>
  );
}
