"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { NewPasswordFields } from "./new-password-fields";
import type { FormState } from "@/lib/forms/form-state";

type Props = { token: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function NewPasswordForm({ token, action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} noValidate className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields autoFocus errors={state.fieldErrors} />
      {state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="w-full">
        Enregistrer le mot de passe
      </Button>
    </form>
  );
}
