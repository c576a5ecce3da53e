"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { EnrolmentPanel, type EnrolmentData } from "@/components/twofactor/enrolment-panel";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type Challenge = { qrDataUrl: string; secretGroups: string };
type Props = {
  startAction: (state: FormState<Challenge>, formData: FormData) => Promise<FormState<Challenge>>;
  confirmAction: (state: FormState<EnrolmentData>, formData: FormData) => Promise<FormState<EnrolmentData>>;
};

/** Off → password → QR code and secret → code → recovery codes. */
export function TwoFactorActivation({ startAction, confirmAction }: Props) {
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useServerForm(startAction);
  const router = useRouter();

  if (state.status === "success" && state.data) {
    return <EnrolmentPanel {...state.data} action={confirmAction} onClose={() => router.refresh()} />;
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        La double authentification n&apos;est pas activée. À chaque connexion, un code à usage unique généré par une application dédiée (Google
        Authenticator, Microsoft Authenticator ou Authy) vous sera demandé en plus de votre mot de passe.
      </p>
      {!open ? (
        <Button type="button" onClick={() => setOpen(true)}>
          Activer la double authentification
        </Button>
      ) : (
        <form {...formProps} noValidate className="max-w-sm space-y-4">
          <Field
            label="Confirmez votre mot de passe"
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus
            error={state.fieldErrors?.password}
          />
          <Button type="submit" pending={pending}>
            Continuer
          </Button>
        </form>
      )}
    </div>
  );
}
