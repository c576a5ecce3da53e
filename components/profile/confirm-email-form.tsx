"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = { token: string; newEmail: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

export function ConfirmEmailForm({ token, newEmail, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <Alert tone="info">{state.message}</Alert>
        <Link href="/doctor_home" className="inline-block text-sm font-semibold text-brand-700 underline">
          Aller à la connexion
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">
        Votre compte Doctipro utilisera l&apos;adresse <span className="font-semibold text-slate-900">{newEmail}</span> pour la connexion et les
        messages.
      </p>
      {state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="w-full">
        Confirmer la nouvelle adresse
      </Button>
    </form>
  );
}
