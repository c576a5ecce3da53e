"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import { PASSWORD_MAX } from "@/lib/auth/limits";
import type { FormState } from "@/lib/forms/form-state";

type Props = { token: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function NewPasswordForm({ token, action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field
        label="Nouveau mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX + 10}
        autoFocus
        error={state.fieldErrors?.password}
      />
      <Field
        label="Confirmez le mot de passe"
        name="confirmation"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX + 10}
        error={state.fieldErrors?.confirmation}
      />
      {state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="w-full">
        Enregistrer le mot de passe
      </Button>
    </form>
  );
}
