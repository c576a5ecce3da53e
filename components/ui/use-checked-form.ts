"use client";

import { startTransition, useActionState, useCallback, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf, IDLE, type FormState } from "@/lib/forms/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Errors = Record<string, string>;

/**
 * A form bound to a server action and checked in the browser first with the action's own schema,
 * as react-hook-form's zodResolver did here (mode onSubmit, reValidateMode onChange): nothing is
 * checked before the first submit; a refused submit shows every message and focuses the first
 * field at fault; after that, a field's message follows that field as it changes. `loadSchema` is a
 * dynamic import(), called when the form is first focused: the schema, and zod with it, are not
 * part of the page's first load. Should it fail to load, the server action, which checks
 * everything again, answers alone. Fields are uncontrolled (defaultValue), so a page that is not
 * hydrated yet, or runs no JavaScript, still shows and posts them.
 */
export function useCheckedForm(action: Action, loadSchema: () => Promise<z.ZodType>) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Null until the first submit, as react-hook-form's isSubmitted.
  const [errors, setErrors] = useState<Errors | null>(null);

  const check = (form: HTMLFormElement): Promise<Errors | null> =>
    loadSchema().then(
      (schema) => {
        const result = schema.safeParse(Object.fromEntries(new FormData(form)));
        return result.success ? {} : fieldErrorsOf(result.error);
      },
      () => null,
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void check(form).then((found) => {
      setErrors(found ?? {});
      const first = found && [...form.elements].find((el): el is HTMLInputElement => "name" in el && Boolean(found[(el as HTMLInputElement).name]));
      if (first) first.focus();
      else if (!found || !Object.keys(found).length) startTransition(() => formAction(new FormData(form)));
    });
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (!errors || !name) return;
    void check(event.currentTarget).then((found) => {
      if (!found) return;
      setErrors((now) => {
        if (!now) return now;
        const { [name]: _, ...others } = now;
        return found[name] ? { ...others, [name]: found[name] } : others;
      });
    });
  };

  const onFocus = () => void loadSchema().catch(() => undefined);

  /** Back to before the first submit (react-hook-form's reset): no messages, no checks as one types. */
  const resetChecks = useCallback(() => setErrors(null), []);

  return {
    state,
    pending,
    /** The browser's message for a field, else the server's. */
    error: (name: string): string | undefined => errors?.[name] ?? state.fieldErrors?.[name],
    formProps: { action: formAction, onSubmit, onChange, onFocus, noValidate: true },
    resetChecks,
  };
}
