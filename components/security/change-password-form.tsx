"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { PASSWORD_MAX } from "@/lib/auth/limits";
import type { FormState } from "@/lib/forms/form-state";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function ChangePasswordForm({ action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  const form = formProps.ref;
  // Done: the typed passwords leave the page.
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state, form]);
  return (
    <form {...formProps} noValidate className="max-w-sm space-y-3">
      <Field
        id="change-current"
        label="Mot de passe actuel"
        name="current"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX + 10}
        error={state.fieldErrors?.current}
      />
      <NewPasswordFields idPrefix="change" confirmationLabel="Confirmez le nouveau mot de passe" errors={state.fieldErrors} />
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" variant="secondary" pending={pending}>
        Changer le mot de passe
      </Button>
    </form>
  );
}
