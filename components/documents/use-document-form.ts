"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { formInput, parseDocument, type DocumentKind } from "@/lib/documents/schema";

type Action<Data> = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;

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
    const get = (name: string) => String(formData.get(name) ?? "");
    const getAll = (name: string) => formData.getAll(name).map(String);
    const parsed = parseDocument(kind, formInput(kind, get, getAll));
    if (!parsed.ok) {
      setLocalErrors(parsed.fieldErrors);
      const first = event.currentTarget.querySelector<HTMLElement>("[aria-invalid=true]");
      first?.focus();
      return;
    }
    setLocalErrors(null);
    startTransition(() => formAction(formData));
  };
  const errors = localErrors ?? (state.status === "error" ? (state.fieldErrors ?? {}) : {});
  return { state: localErrors ? { status: "error" as const, formError: "Corrigez les champs signalés." } : state, errors, pending, formProps: { action: formAction, onSubmit, noValidate: true } };
}
