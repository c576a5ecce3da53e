import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { blockedMessage } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "Compte bloqué" };

export default function BlockedPage() {
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Compte bloqué</h1>
      <Alert>
        <p>Après trois tentatives infructueuses, votre compte a été bloqué et toutes ses sessions ont été fermées.</p>
        <p className="mt-2 font-semibold">{blockedMessage()}</p>
      </Alert>
      <Link href="/" className="inline-block text-sm font-medium text-brand-700 underline">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
