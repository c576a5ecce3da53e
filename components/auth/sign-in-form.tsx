"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useActionState, startTransition, type BaseSyntheticEvent } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInSchema, type SignInInput, EMAIL_MAX, PASSWORD_MAX } from "@/lib/auth/schema";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  forgotPasswordHref: string;
};

export function SignInForm({ action, forgotPasswordHref }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), mode: "onSubmit", reValidateMode: "onChange" });

  // The browser checks the shape first; the server action checks everything again.
  const onValid = (_: SignInInput, event?: BaseSyntheticEvent) => {
    const form = event?.target as HTMLFormElement;
    startTransition(() => formAction(new FormData(form)));
  };
  const fieldError = (name: "email" | "password") => errors[name]?.message ?? state.fieldErrors?.[name];

  return (
    <form action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-5">
      <Field
        label="Courriel"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={EMAIL_MAX + 10}
        autoFocus
        error={fieldError("email")}
        {...register("email")}
      />
      <Field
        label="Mot de passe"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX + 10}
        error={fieldError("password")}
        {...register("password")}
      />
      <div className="flex justify-end">
        <Link href={forgotPasswordHref} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Mot de passe oublié ?
        </Link>
      </div>
      {state.formError && (
        <Alert>
          <p>{state.formError}</p>
          {state.links && (
            <ul className="mt-2 space-y-1">
              {state.links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="font-semibold underline">
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Connexion…" : "S'identifier"}
      </Button>
    </form>
  );
}
