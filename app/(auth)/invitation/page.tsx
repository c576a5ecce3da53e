import type { Metadata } from "next";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { findInvitation } from "@/lib/auth/invitation";
import { supportEmail } from "@/config/env";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Bienvenue sur Doctipro" };

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[] }> }) {
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton : "";
  const invited = token ? await findInvitation(token) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Bienvenue sur Doctipro</h1>
      {invited ? (
        <>
          <p className="text-sm text-slate-700">
            Bonjour {invited.firstName}, choisissez le mot de passe de votre compte {invited.email} : au moins 12 caractères, une phrase de plusieurs
            mots convient très bien.
          </p>
          <NewPasswordForm token={token} action={acceptInvitationAction} />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          Cette invitation n&apos;est plus valable : elle a déjà servi, a expiré (72 heures) ou est incomplète. Demandez une nouvelle invitation au
          support : {supportEmail()}.
        </p>
      )}
    </div>
  );
}
