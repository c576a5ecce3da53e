"use client";

import Link from "next/link";
import { useState } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { FormError } from "@/components/ui/form-error";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useServerForm } from "@/components/ui/use-server-form";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/auth/limits";
import type { FormState } from "@/lib/forms/form-state";

type Action<D = undefined> = (state: FormState<D>, formData: FormData) => Promise<FormState<D>>;

function FormAlert({ state }: { state: FormState<unknown> }) {
  if (state.status === "error" && state.formError) return <FormError message={state.formError} links={state.links} />;
  if (state.status === "success" && state.message) return <Alert tone="info">{state.message}</Alert>;
  return null;
}

/**
 * « Votre courriel »: a code is sent there, then checked on the same page; the chosen time stays in
 * the address bar throughout. Known or not, every address gets the same answer.
 */
export function EmailCodeStep({ requestCode, checkCode }: { requestCode: Action<{ email: string }>; checkCode: Action }) {
  const asked = useServerForm(requestCode);
  const checked = useServerForm(checkCode);
  const [changing, setChanging] = useState(false);
  const email = !changing && asked.state.status === "success" ? asked.state.data?.email : undefined;

  if (!email) {
    return (
      <form
        {...asked.formProps}
        onSubmit={(e) => {
          setChanging(false);
          asked.formProps.onSubmit(e);
        }}
        noValidate
        className="space-y-4"
        aria-label="Recevoir un code"
      >
        <p className="text-sm text-slate-700">
          Connectez-vous ou créez votre compte patient : saisissez votre courriel, nous y envoyons un code à 6 chiffres. Votre créneau reste affiché
          pendant ce temps.
        </p>
        <Field
          label="Courriel"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={EMAIL_MAX + 10}
          error={asked.state.fieldErrors?.email}
        />
        <FormAlert state={asked.state} />
        <Button type="submit" pending={asked.pending}>
          Recevoir un code
        </Button>
      </form>
    );
  }
  return (
    <form {...checked.formProps} noValidate className="space-y-4" aria-label="Vérifier le code">
      <Alert tone="info">{asked.state.message}</Alert>
      <input type="hidden" name="email" value={email} />
      <Field
        label="Code reçu par courriel (6 chiffres)"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="[0-9]*"
        className="font-mono tracking-widest"
        error={checked.state.fieldErrors?.code}
      />
      <FormAlert state={checked.state} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={checked.pending}>
          Vérifier le code
        </Button>
        <Button type="button" variant="secondary" onClick={() => setChanging(true)}>
          Changer d&apos;adresse ou renvoyer un code
        </Button>
      </div>
    </form>
  );
}

/** The proven address already has an account: its password (then its second factor, if on). */
export function ExistingAccountStep({ email, action }: { email: string; action: Action }) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Se connecter">
      <p className="text-sm text-slate-700">
        Adresse vérifiée : <strong>{email}</strong>. Saisissez le mot de passe de votre compte pour continuer.
      </p>
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX + 10}
        error={state.fieldErrors?.password}
      />
      <FormAlert state={state} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" pending={pending}>
          Se connecter et continuer
        </Button>
        <Link href="/mot-de-passe-oublie" className="text-sm font-medium text-brand-700 underline">
          Mot de passe oublié ?
        </Link>
      </div>
    </form>
  );
}

/** The proven address is new: names and password; two-factor can be switched on later. */
export function NewAccountStep({ email, action }: { email: string; action: Action }) {
  const { state, pending, formProps } = useServerForm(action);
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form {...formProps} noValidate className="space-y-4" aria-label="Créer mon compte">
      <p className="text-sm text-slate-700">
        Adresse vérifiée : <strong>{email}</strong>. Créez votre compte patient.
      </p>
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Prénom" name="firstName" autoComplete="given-name" maxLength={80} error={error("firstName")} />
        <Field label="Nom" name="lastName" autoComplete="family-name" maxLength={80} error={error("lastName")} />
      </div>
      <NewPasswordFields
        idPrefix="sign-up"
        passwordLabel="Mot de passe (12 caractères au moins)"
        confirmationLabel="Mot de passe, une seconde fois"
        errors={state.fieldErrors}
      />
      <p className="text-sm text-slate-600">La double authentification est facultative : vous pourrez l&apos;activer ensuite dans « Mon compte ».</p>
      <FormAlert state={state} />
      <Button type="submit" pending={pending}>
        Créer mon compte et continuer
      </Button>
    </form>
  );
}

export { FormAlert };
