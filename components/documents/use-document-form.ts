"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { formInput, parseDocument, type DocumentKind } from "@/lib/documents/schema";

type Action<Data> = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;

/** What each of the three forms (prescription, certificate, fee note) is given by the page. */
export type DocumentFormProps<Values> = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Values;
  /** The document this one corrects (and cancels), if any. */
  replaces: { id: string; number: string } | null;
  cancelHref: string;
};

/**
 * A document form: checked in the browser with the same rules as the server (lib/documents/schema.ts)
 * so most mistakes are shown at once, then sent to the server action, which checks again. What
 * was typed stays in the fields on an error (the submit is intercepted, as in useServerForm).
 */
export function useDocumentForm<Data>(kind: DocumentKind, action: Action<Data>) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<Data>);
  const [localErrors, setLocalErrors] = useState<Record<string, string> | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const parsed = parseDocument(kind, formInput(kind, formData));
    if (!parsed.ok) {
      setLocalErrors(parsed.fieldErrors);
      return;
    }
    setLocalErrors(null);
    startTransition(() => formAction(formData));
  };
  const errors = localErrors ?? (state.status === "error" ? (state.fieldErrors ?? {}) : {});
  // Once the refusal is drawn (not before: the fields get aria-invalid on the next render), focus
  // goes to the first field at fault, else to the form's message.
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!localErrors && state.status !== "error") return;
    const target = ref.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? ref.current?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.getAttribute("role") === "alert") target.tabIndex = -1;
    target?.focus();
  }, [localErrors, state]);
  return {
    state: localErrors ? { status: "error" as const, formError: "Corrigez les champs signalés." } : state,
    errors,
    pending,
    formProps: { ref, action: formAction, onSubmit, noValidate: true },
  };
}
