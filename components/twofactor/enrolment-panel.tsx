"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";
import { RecoveryCodes } from "./recovery-codes";

export type EnrolmentData = { recoveryCodes: string[] };
type Props = {
  qrDataUrl: string;
  secretGroups: string;
  action: (state: FormState<EnrolmentData>, formData: FormData) => Promise<FormState<EnrolmentData>>;
  /** When enrolling during sign-in: what opens the session once the codes are kept. */
  continueAction?: () => Promise<void>;
  /**
   * When enrolling from the security page: leaving the panel. Before the code is confirmed nothing
   * is switched on, so it is « Annuler »; once the codes are shown it is « Terminer ».
   */
  onClose?: () => void;
};

/** Scan the QR code (or type the secret), then prove it with a code; the recovery codes follow. */
export function EnrolmentPanel({ qrDataUrl, secretGroups, action, continueAction, onClose }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  if (state.status === "success" && state.data) {
    return (
      <div className="space-y-4">
        <Alert tone="info">{state.message ?? "La double authentification est activée."}</Alert>
        <RecoveryCodes codes={state.data.recoveryCodes} />
        {continueAction && (
          <form action={continueAction}>
            <Button type="submit">J&apos;ai conservé mes codes, continuer</Button>
          </form>
        )}
        {onClose && (
          <Button type="button" onClick={onClose}>
            Terminer
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>Ouvrez votre application d&apos;authentification (Google Authenticator, Microsoft Authenticator, Authy…).</li>
        <li>Scannez le code QR, ou saisissez la clé à la main.</li>
        <li>Entrez le code à 6 chiffres affiché par l&apos;application.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated per user, not an asset */}
        <img
          src={qrDataUrl}
          alt="Code QR à scanner avec votre application d'authentification"
          width={180}
          height={180}
          className="rounded border border-slate-200"
        />
        <div>
          <p className="text-sm font-medium text-slate-700">Clé à saisir manuellement</p>
          <p data-testid="totp-secret" className="mt-1 font-mono text-base tracking-wider text-slate-900">
            {secretGroups}
          </p>
        </div>
      </div>
      <form {...formProps} noValidate className="space-y-4">
        <Field
          label="Code à 6 chiffres"
          name="code"
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          error={state.fieldErrors?.code}
        />
        {state.formError && <Alert>{state.formError}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending}>
            Activer
          </Button>
          {onClose && (
            <Button type="button" variant="ghost" onClick={onClose}>
              Annuler
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
