"use client";

import { startTransition, useActionState, useId, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field } from "@/components/ui/field";
import { useErrorFocus } from "@/components/ui/use-error-focus";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { useActionOutcome } from "./action-outcome";

type Props = {
  title: string;
  description?: string;
  button: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** What the reason is for, in its label: several forms share a page (« Raison du blocage »). */
  reasonLabel: string;
  /** A field before the reason (e.g. a doctor's email), with its error tied to it. */
  field?: { name: string; label: string; type?: string; autoComplete?: string };
  /** An action that cannot be undone asks first, saying what will happen. */
  confirm?: { title: string; text: ReactNode };
  tone?: "primary" | "secondary";
};

/** Every support action: its fields, the mandatory reason (for the audit log), one button. */
export function SupportActionForm({ title, description, button, action, hidden, reasonLabel, field, confirm, tone = "secondary" }: Props) {
  const report = useActionOutcome();
  // The confirmation goes up as the answer arrives: the same render that brings it often removes
  // this form (the action no longer applies), and an effect here would never run. The form's own
  // `action` stays the server action, so the page works without JavaScript too.
  const [state, dispatch, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const answer = await action(previous, formData);
    if (report && answer.status === "success" && answer.message) report(answer.message);
    return answer;
  }, IDLE as FormState);
  // Without JavaScript the form posts to the server action itself (React renders its fields).
  const [, actionWithoutScript] = useActionState(action, IDLE as FormState);
  const ref = useErrorFocus(state);
  const formProps = {
    ref,
    action: actionWithoutScript,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formData = new FormData(event.currentTarget);
      startTransition(() => dispatch(formData));
    },
  };
  const id = useId();
  const reasonError = state.fieldErrors?.reason;
  return (
    <form {...formProps} noValidate className="space-y-3 rounded-md border border-slate-200 p-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </h3>
      {description && <p className="text-sm text-slate-600">{description}</p>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {field && (
        <Field
          id={`${id}-${field.name}`}
          name={field.name}
          label={field.label}
          type={field.type}
          autoComplete={field.autoComplete}
          error={state.fieldErrors?.[field.name]}
        />
      )}
      <div className="space-y-1.5">
        <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-800">
          {reasonLabel} (journal d&apos;audit)
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          maxLength={600}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
          className={`block w-full rounded-md border px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${reasonError ? "border-red-600" : "border-slate-300"}`}
        />
        {reasonError && (
          <p id={`${id}-reason-error`} className="text-sm text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      {/* A message about a field the page does not show (a forged or stale form): with the form's. */}
      {Object.entries(state.fieldErrors ?? {})
        .filter(([name]) => name !== "reason" && name !== field?.name)
        .map(([name, message]) => (
          <Alert key={name}>{message}</Alert>
        ))}
      {state.formError && <Alert>{state.formError}</Alert>}
      {!report && state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
      {confirm ? (
        <ConfirmSubmit label={button} title={confirm.title} variant={tone} pending={pending}>
          {confirm.text}
        </ConfirmSubmit>
      ) : (
        <Button type="submit" variant={tone} pending={pending}>
          {button}
        </Button>
      )}
    </form>
  );
}
