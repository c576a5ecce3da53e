"use client";

import { RecoveryCodes } from "@/components/twofactor/recovery-codes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type Codes = { recoveryCodes: string[] };
type Props = {
  remainingCodes: number;
  canDeactivate: boolean;
  regenerateAction: (state: FormState<Codes>, formData: FormData) => Promise<FormState<Codes>>;
  deactivateAction: (state: FormState, formData: FormData) => Promise<FormState>;
};

function PasswordAndCode({ state, idPrefix }: { state: FormState<unknown>; idPrefix: string }) {
  return (
    <>
      <Field
        id={`${idPrefix}-password`}
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
      />
      <Field
        id={`${idPrefix}-code`}
        label="Code de l'application (6 chiffres)"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        error={state.fieldErrors?.code}
      />
    </>
  );
}

export function TwoFactorEnabled({ remainingCodes, canDeactivate, regenerateAction, deactivateAction }: Props) {
  const { state: regen, pending: regenerating, formProps: regenerateForm } = useServerForm(regenerateAction);
  const { state: deact, pending: deactivating, formProps: deactivateForm } = useServerForm(deactivateAction);

  if (deact.status === "success") return <Alert tone="info">{deact.message}</Alert>;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-green-800">Activée.</span> Un code de votre application vous est demandé à chaque connexion. Codes de
        secours inutilisés : {/* New codes replace them all: the count the page was drawn with is no longer true. */}
        {regen.status === "success" && regen.data ? regen.data.recoveryCodes.length : remainingCodes}.
      </p>

      <section aria-labelledby="regen-title" className="space-y-3">
        <h3 id="regen-title" className="font-semibold text-slate-900">
          Régénérer les codes de secours
        </h3>
        {regen.status === "success" && regen.data ? (
          <RecoveryCodes codes={regen.data.recoveryCodes} />
        ) : (
          <form {...regenerateForm} noValidate className="max-w-sm space-y-3">
            <PasswordAndCode state={regen} idPrefix="regen" />
            <Button type="submit" variant="secondary" pending={regenerating}>
              Régénérer les codes de secours
            </Button>
          </form>
        )}
      </section>

      <section aria-labelledby="deact-title" className="space-y-3 border-t border-slate-200 pt-5">
        <h3 id="deact-title" className="font-semibold text-slate-900">
          Désactiver la double authentification
        </h3>
        {canDeactivate ? (
          <form {...deactivateForm} noValidate className="max-w-sm space-y-3">
            <PasswordAndCode state={deact} idPrefix="deact" />
            {deact.formError && <Alert>{deact.formError}</Alert>}
            <Button type="submit" variant="secondary" pending={deactivating}>
              Désactiver
            </Button>
          </form>
        ) : (
          <p className="text-sm text-slate-600">La double authentification est obligatoire pour les comptes du support.</p>
        )}
      </section>
    </div>
  );
}
