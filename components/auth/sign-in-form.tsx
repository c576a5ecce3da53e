"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/form-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useErrorFocus } from "@/components/ui/use-error-focus";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/auth/limits";
import { fieldErrorsOf, IDLE, type FormState } from "@/lib/forms/form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  forgotPasswordHref: string;
};

type Errors = Partial<Record<"email" | "password", string>>;

// This page is every user's first load. The shared schema, and zod with it, loads when the form is
// first focused, not with the page; two fields need no form library (zod and react-hook-form were
// 43 of its 181 kB gzip, docs/benchmarks.md). Without JavaScript the server action checks alone.
const loadSchema = () => import("@/lib/auth/schema").then((m) => m.signInSchema);

async function check(form: HTMLFormElement): Promise<Errors> {
  const data = new FormData(form);
  const result = (await loadSchema()).safeParse({ email: data.get("email"), password: data.get("password") });
  return result.success ? {} : fieldErrorsOf(result.error);
}

export function SignInForm({ action, forgotPasswordHref }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  // Null until the first submit; then the browser checks again as the user corrects a field.
  const [errors, setErrors] = useState<Errors | null>(null);

  // The browser checks the shape first; the server action checks everything again.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void check(form).then((found) => {
      setErrors(found);
      // Refused in the browser: focus goes to the first field at fault (its message is read with it).
      const first = (["email", "password"] as const).find((name) => found[name]);
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      else startTransition(() => formAction(new FormData(form)));
    });
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (errors) void check(event.currentTarget).then(setErrors);
  };
  const fieldError = (name: "email" | "password") => errors?.[name] ?? state.fieldErrors?.[name];
  // Refused by the server: the same, or its message about the whole form.
  const ref = useErrorFocus(state);
  const problems = (["email", "password"] as const).filter((name) => fieldError(name)).length;

  return (
    <form ref={ref} action={formAction} onSubmit={onSubmit} onChange={onChange} onFocus={() => void loadSchema()} noValidate className="space-y-5">
      <Field
        label="Courriel"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={EMAIL_MAX + 10}
        autoFocus
        name="email"
        error={fieldError("email")}
      />
      <Field
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX + 10}
        name="password"
        error={fieldError("password")}
      />
      <div className="flex justify-end">
        <Link href={forgotPasswordHref} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Mot de passe oublié ?
        </Link>
      </div>
      {state.formError && <FormError message={state.formError} links={state.links} />}
      {/* Announced when the refusal comes: how many fields to correct. */}
      <p role="status" className="sr-only">
        {problems === 1 ? "1 champ à corriger." : problems > 1 ? `${problems} champs à corriger.` : ""}
      </p>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Connexion…" : "S'identifier"}
      </Button>
    </form>
  );
}
