import type { Metadata } from "next";
import Link from "next/link";
import { isRole, SIGN_IN_PATH, SIGN_IN_TITLE } from "@/lib/auth/roles";
import { supportEmail } from "@/lib/config/env";

export const metadata: Metadata = { title: "Mot de passe oublié" };

// Until the emailed reset link exists (the 2FA and reset issue), the guide's own fallback applies:
// support resets access.
export default async function Page({ searchParams }: { searchParams: Promise<{ acces?: string }> }) {
  const { acces } = await searchParams;
  const role = isRole(acces) ? acces : "doctor";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Mot de passe oublié ?</h1>
      <p className="text-sm text-slate-700">
        Contactez le support de Doctipro à{" "}
        <a className="font-semibold text-brand-700 underline" href={`mailto:${supportEmail()}`}>
          {supportEmail()}
        </a>{" "}
        depuis l&apos;adresse de votre compte pour réinitialiser vos accès.
      </p>
      <Link href={SIGN_IN_PATH[role]} className="inline-block text-sm font-medium text-brand-700 underline">
        Retour à la page {SIGN_IN_TITLE[role]}
      </Link>
    </div>
  );
}
