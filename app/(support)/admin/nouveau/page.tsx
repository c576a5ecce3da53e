import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/support/invite-form";
import { requireSupport } from "@/lib/auth/guards";
import { inviteAction } from "../actions";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function InvitePage() {
  await requireSupport();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          ← Utilisateurs
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">Créer un compte</h1>
        <p className="text-sm text-slate-600">La personne reçoit par courriel un lien (valable 72 heures) pour choisir elle-même son mot de passe.</p>
      </div>
      <InviteForm action={inviteAction} />
    </div>
  );
}
