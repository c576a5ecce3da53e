"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = { secretaryId: string; name: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function DetachSecretaryButton({ secretaryId, name, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="secretaryId" value={secretaryId} />
      <ConfirmSubmit label="Détacher" aria-label={`Détacher ${name}`} title={`Détacher ${name} ?`} pending={pending}>
        {name} ne pourra plus travailler pour votre cabinet et ses sessions ouvertes pour vous seront fermées tout de suite. Le support pourra la
        rattacher de nouveau.
      </ConfirmSubmit>
      {state.formError && <Alert>{state.formError}</Alert>}
    </form>
  );
}
