"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = {
  /** The button that opens the form (« Répondre », « Masquer »). */
  openLabel: string;
  accessibleLabel: string;
  label: string;
  name: string;
  submitLabel: string;
  maxLength: number;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** One text sent once about one review: the doctor's answer, support's reason to hide it. */
export function TextAnswerForm({ openLabel, accessibleLabel, label, name, submitLabel, maxLength, action }: Props) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useServerForm(action);
  if (state.status === "success") return <Alert tone="info">{state.message}</Alert>;
  if (!open)
    return (
      <Button type="button" variant="secondary" className="px-3! py-1.5!" aria-label={accessibleLabel} onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );
  return (
    <form {...formProps} className="space-y-2" aria-label={accessibleLabel}>
      <TextArea label={label} name={name} id={`${uid}-${name}`} maxLength={maxLength} rows={3} error={state.fieldErrors?.[name]} autoFocus />
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
