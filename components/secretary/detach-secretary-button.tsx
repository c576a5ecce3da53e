"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = { secretaryId: string; name: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function DetachSecretaryButton({ secretaryId, name, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="secretaryId" value={secretaryId} />
      <Button type="submit" variant="secondary" pending={pending} aria-label={`Détacher ${name}`}>
        Détacher
      </Button>
      {state.formError && <Alert>{state.formError}</Alert>}
    </form>
  );
}
