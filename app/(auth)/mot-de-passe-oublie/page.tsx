import type { Metadata } from "next";
import Link from "next/link";
import { ResetRequestForm } from "@/components/auth/reset-request-form";
import { isRole, SIGN_IN_PATH, SIGN_IN_TITLE } from "@/lib/auth/roles";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ acces?: string }> }) {
  const { acces } = await searchParams;
  const role = isRole(acces) ? acces : "doctor";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Mot de passe oublié ?</h1>
      <p className="text-sm text-slate-700">
        Indiquez l&apos;adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
      </p>
      <ResetRequestForm action={requestResetAction} />
      <Link href={SIGN_IN_PATH[role]} className="inline-block text-sm font-medium text-brand-700 underline">
        Retour à la page {SIGN_IN_TITLE[role]}
      </Link>
    </div>
  );
}
