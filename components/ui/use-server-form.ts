"use client";

import { startTransition, useActionState, type FormEvent, type RefObject } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { useErrorFocus } from "./use-error-focus";

type Action<Data> = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;

/**
 * A form bound to a server action that keeps what the person typed when the server answers with
 * an error. (React resets a form after an `action` submission; intercepting the submit with
 * JavaScript avoids that, while `action` still works without JavaScript.)
 */
export function useServerForm<Data = undefined>(action: Action<Data>, formRef?: RefObject<HTMLFormElement | null>) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<Data>);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  const ref = useErrorFocus(state, formRef);
  return { state, pending, formProps: { ref, action: formAction, onSubmit } };
}
