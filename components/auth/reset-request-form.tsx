"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import { EMAIL_MAX } from "@/lib/auth/limits";
import type { FormState } from "@/lib/forms/form-state";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

export function ResetRequestForm({ action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  if (state.status === "success") return <Alert tone="info">{state.message}</Alert>;
  return (
    <form {...formProps} noValidate className="space-y-4">
      <Field
        label="Courriel"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        maxLength={EMAIL_MAX + 10}
        autoFocus
        error={state.fieldErrors?.email}
      />
      {state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="w-full">
        Envoyer le lien
      </Button>
    </form>
  );
}
