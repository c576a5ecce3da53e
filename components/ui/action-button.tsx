"use client";

import { Alert } from "./alert";
import { Button } from "./button";
import { useServerForm } from "./use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = {
  label: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  accessibleLabel?: string;
  variant?: "primary" | "secondary" | "ghost";
};

/** One button that runs one server action (a toggle in a list); its refusal is shown beside it. */
export function ActionButton({ label, action, accessibleLabel, variant = "secondary" }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} className="space-y-1">
      <Button type="submit" variant={variant} pending={pending} aria-label={accessibleLabel} className="px-3! py-1.5!">
        {label}
      </Button>
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
    </form>
  );
}
