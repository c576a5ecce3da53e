"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

/** The password that confirms the deletion; the page above says what goes and what stays. */
export function DeleteAccountForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} className="space-y-3">
      <Field
        label="Votre mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors?.password}
      />
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="bg-red-700! hover:bg-red-800!">
        Supprimer définitivement mon compte
      </Button>
    </form>
  );
}
