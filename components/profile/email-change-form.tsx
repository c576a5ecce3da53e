"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";
import { FormFeedback } from "./form-feedback";

type Props = { email: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** The account's address; a new one asks the password and is confirmed by a link sent to it. */
export function EmailChangeForm({ email, action }: Props) {
  const [open, setOpen] = useState(false);
  // Keeps the new address typed when the server refuses the password.
  const { state, pending, formProps } = useServerForm(action);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Adresse du compte :{" "}
        <span className="font-semibold text-slate-900" data-testid="account-email">
          {email}
        </span>
      </p>
      {state.status === "success" ? (
        <FormFeedback state={state} />
      ) : !open ? (
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          Changer d&apos;adresse
        </Button>
      ) : (
        <form {...formProps} noValidate className="max-w-md space-y-4">
          <Field
            label="Nouvelle adresse"
            name="newEmail"
            type="email"
            autoComplete="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            error={state.fieldErrors?.newEmail}
          />
          <Field label="Votre mot de passe" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
          <FormFeedback state={state} />
          <Button type="submit" pending={pending}>
            Envoyer le lien de confirmation
          </Button>
        </form>
      )}
    </div>
  );
}
