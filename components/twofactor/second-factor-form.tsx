"use client";

import { startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { CodeFormData as Data } from "@/lib/auth/second-factor-answer";
import { counted } from "@/lib/format/count";
import { EMAIL_CODE_REQUESTS } from "@/lib/twofactor/limits";
import { IDLE, type FormState } from "@/lib/forms/form-state";

const loadFormats = () => import("@/lib/twofactor/code-format");

type Action = (state: FormState<Data>, formData: FormData) => Promise<FormState<Data>>;
type Props = {
  maskedEmail: string;
  remaining: number;
  remainingRequests: number;
  verifyAction: Action;
  requestCodeAction: Action;
};

/**
 * The guide's « Identification à deux facteurs (2FA) » step, word for word, except its
 * « Tentative(s) restante(s) : 3 »: the count is known, so it is written as every count in the
 * app is (« 3 tentatives restantes », « 1 tentative restante », lib/format/count.ts).
 */
export function SecondFactorForm({ maskedEmail, remaining, remainingRequests, verifyAction, requestCodeAction }: Props) {
  const [verifyState, verify, verifying] = useActionState(verifyAction, IDLE as FormState<Data>);
  const [mailState, requestCode, mailing] = useActionState(requestCodeAction, IDLE as FormState<Data>);
  const [method, setMethod] = useState<"code" | "recovery">("code");
  const [localError, setLocalError] = useState<string>();

  const attemptsLeft = verifyState.data?.remaining ?? remaining;
  const requestsLeft = mailState.data?.remainingRequests ?? remainingRequests;
  const serverError = verifyState.fieldErrors?.code;
  const error = localError ?? serverError;

  // Malformed codes are refused here and again on the server; they never cost an attempt. The
  // schemas, and zod with them, load when the form is first focused, not with the page.
  const checkFormat = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void loadFormats().then((formats) => {
      const data = new FormData(form);
      const result = (method === "code" ? formats.otpCodeSchema : formats.recoveryCodeSchema).safeParse(String(data.get("code") ?? ""));
      if (!result.success) return setLocalError(result.error.issues[0]?.message);
      setLocalError(undefined);
      startTransition(() => verify(data));
    });
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold text-slate-900">Identification à deux facteurs (2FA)</h1>
        <p className="text-sm text-slate-700">
          {method === "code"
            ? "Entrez le code à usage unique généré par votre application d'authentification (6 chiffres sans espace)."
            : "Entrez l'un des codes de secours reçus à l'activation de la double authentification. Chaque code ne sert qu'une fois."}
        </p>
      </div>

      <form action={verify} onSubmit={checkFormat} onFocus={() => void loadFormats()} noValidate className="space-y-4">
        <input type="hidden" name="method" value={method} />
        <Field
          key={method}
          label={method === "code" ? "Code à usage unique" : "Code de secours"}
          name="code"
          autoComplete={method === "code" ? "one-time-code" : "off"}
          inputMode={method === "code" ? "numeric" : "text"}
          pattern={method === "code" ? "[0-9]*" : undefined}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={error}
          onChange={() => setLocalError(undefined)}
        />
        {verifyState.formError && <Alert>{verifyState.formError}</Alert>}
        <Button type="submit" pending={verifying} className="w-full">
          Vérifier le code
        </Button>
        <p className="flex items-center gap-2 text-sm font-medium text-amber-800" aria-live="polite">
          <span aria-hidden>▲</span> {counted(attemptsLeft, "tentative restante", "tentatives restantes")}
        </p>
      </form>

      <button
        type="button"
        className="text-sm font-medium text-brand-700 underline"
        onClick={() => {
          setMethod(method === "code" ? "recovery" : "code");
          setLocalError(undefined);
        }}
      >
        {method === "code" ? "Utiliser un code de secours" : "Utiliser le code de l'application ou reçu par courriel"}
      </button>

      <div className="space-y-2 border-t border-slate-200 pt-5 text-sm text-slate-700">
        <p>
          Vous n&apos;arrivez pas à accéder à votre application d&apos;authentification ? Vous pouvez également recevoir un code à usage unique par
          courriel :
        </p>
        <form action={requestCode}>
          <button type="submit" disabled={mailing} className="text-left font-semibold text-brand-700 underline disabled:opacity-60">
            ➤ Envoyer le code à usage unique à : {maskedEmail}
          </button>
        </form>
        {mailState.message && <Alert tone={requestsLeft === 0 ? "warning" : "info"}>{mailState.message}</Alert>}
        {mailState.formError && <Alert>{mailState.formError}</Alert>}
        {requestsLeft === 0 && !mailState.message && (
          <Alert tone="warning">
            Vous avez reçu le dernier code que vous pouvez demander par courriel. Si ce code est erroné, s&apos;il expire sans avoir servi ou si vous
            en demandez un autre, votre compte sera bloqué.
          </Alert>
        )}
        <p className="text-xs text-slate-600">
          Codes demandés par courriel : {EMAIL_CODE_REQUESTS - requestsLeft} sur {EMAIL_CODE_REQUESTS}. Après trois codes demandés sans connexion
          réussie, ou trois codes erronés, votre compte sera automatiquement bloqué.
        </p>
      </div>
    </div>
  );
}
