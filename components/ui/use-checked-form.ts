"use client";

import { startTransition, useActionState, useState, type BaseSyntheticEvent, type RefObject } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { useErrorFocus } from "./use-error-focus";

type Action<Data> = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;
type LoadSchema = () => Promise<z.ZodType>;

const resolvers = new WeakMap<LoadSchema, Resolver<FieldValues>>();

/**
 * zodResolver over a schema fetched on first use: the schema and zod stay out of the page's first
 * load. If the chunk cannot be fetched the browser lets the form through and the server action,
 * which checks everything again, answers alone.
 */
function lazyZodResolver(loadSchema: LoadSchema): Resolver<FieldValues> {
  const known = resolvers.get(loadSchema);
  if (known) return known;
  let ready: Promise<Resolver<FieldValues>> | undefined;
  const resolver: Resolver<FieldValues> = async (values, context, options) => {
    ready ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as Parameters<typeof zodResolver>[0]) as Resolver<FieldValues>,
    );
    try {
      return await (
        await ready
      )(values, context, options);
    } catch {
      ready = undefined;
      return { values, errors: {} };
    }
  };
  resolvers.set(loadSchema, resolver);
  return resolver;
}

/**
 * A react-hook-form form bound to a server action and checked in the browser first with the
 * action's own schema (mode onSubmit, reValidateMode onChange: nothing checked before the first
 * submit, a refused submit shows every message and focuses the first field at fault, then a
 * field's message follows it). `loadSchema` is a dynamic import(), started when the form is first
 * focused (docs/decisions/0015). Fields carry their value in the server's HTML too, so a page not
 * hydrated yet, or without JavaScript, shows and posts them.
 */
export function useCheckedForm<T extends Record<string, string>, Data = undefined>(
  action: Action<Data>,
  loadSchema: LoadSchema,
  defaultValues: T,
  formRef?: RefObject<HTMLFormElement | null>,
) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState<Data>);
  const form = useForm<T>({
    resolver: lazyZodResolver(loadSchema) as unknown as Resolver<T>,
    defaultValues: defaultValues as DefaultValues<T>,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  // The server's last answer is put aside when the browser refuses a later submit: one message at
  // a time, the latest (an old « enregistrées » beside a new field error says the wrong thing).
  const [setAside, setSetAside] = useState<FormState<Data> | null>(null);
  const current: FormState<Data> = state === setAside ? (IDLE as FormState<Data>) : state;
  const onValid = (_: T, event?: BaseSyntheticEvent) => {
    const element = event?.target as HTMLFormElement;
    startTransition(() => formAction(new FormData(element)));
  };
  const onInvalid = () => setSetAside(state);
  const ref = useErrorFocus(current, formRef);
  const errors = form.formState.errors as Partial<Record<string, { message?: string }>>;

  return {
    state: current,
    pending,
    /** The browser's message for a field, else the server's. */
    error: (name: keyof T & string): string | undefined => errors[name]?.message ?? current.fieldErrors?.[name],
    /** A field's props: react-hook-form's registration, and its value in the server's HTML. */
    field: (name: keyof T & string) => ({ ...form.register(name as Path<T>), defaultValue: defaultValues[name] }),
    formProps: {
      ref,
      action: formAction,
      onSubmit: form.handleSubmit(onValid, onInvalid),
      onFocus: () => void loadSchema().catch(() => undefined),
      noValidate: true,
    },
    /** For useWatch: what a live preview follows. */
    control: form.control,
    /** New values, as stored by the server, and back to before the first submit. */
    reset: form.reset,
    /** Sets a field (e.g. clears one a choice hides). */
    setValue: form.setValue,
  };
}
