"use client";

import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = {
  title: string;
  description?: string;
  button: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** Extra fields before the reason (e.g. a doctor's email). */
  children?: React.ReactNode;
  tone?: "primary" | "secondary";
};

/** Every support action: its fields, the mandatory reason (for the audit log), one button. */
export function SupportActionForm({ title, description, button, action, hidden, children, tone = "secondary" }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  const id = useId();
  return (
    <form {...formProps} noValidate className="space-y-3 rounded-md border border-slate-200 p-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </h3>
      {description && <p className="text-sm text-slate-600">{description}</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
          Raison (journal d&apos;audit)
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          maxLength={600}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby={state.fieldErrors?.reason ? `${id}-reason-error` : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        {state.fieldErrors?.reason && (
          <p id={`${id}-reason-error`} className="text-sm text-red-700">
            {state.fieldErrors.reason}
          </p>
        )}
      </div>
      {Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => name !== "reason")
        .map(([name, message]) => (
          <p key={name} className="text-sm text-red-700">
            {message}
          </p>
        ))}
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" variant={tone} pending={pending}>
        {button}
      </Button>
    </form>
  );
}
