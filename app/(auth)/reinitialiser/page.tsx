import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { findResetTarget } from "@/lib/auth/password-reset";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[] }> }) {
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton : "";
  const target = token ? await findResetTarget(token) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Nouveau mot de passe</h1>
      {target ? (
        <>
          <p className="text-sm text-slate-700">
            Choisissez un nouveau mot de passe pour {target.email} : au moins 12 caractères, une phrase de plusieurs mots convient très bien.
          </p>
          <NewPasswordForm token={token} action={resetPasswordAction} />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Ce lien de réinitialisation n&apos;est plus valable : il a déjà servi, a expiré (une heure) ou est incomplet.
          </p>
          <Link href="/mot-de-passe-oublie" className="inline-block text-sm font-semibold text-brand-700 underline">
            Demander un nouveau lien
          </Link>
        </>
      )}
    </div>
  );
}
