import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { BLOCK_REASON_TEXT, blockedMessage } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "Compte bloqué" };

type Props = { searchParams: Promise<{ motif?: string }> };

/** `?motif=courriel`: blocked by the emailed-code rule (docs/decisions/0037), else by wrong codes. */
export default async function BlockedPage({ searchParams }: Props) {
  const { motif } = await searchParams;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Compte bloqué</h1>
      <Alert>
        <p>{BLOCK_REASON_TEXT[motif === "courriel" ? "email-codes" : "wrong-codes"]}</p>
        <p className="mt-2 font-semibold">{blockedMessage()}</p>
      </Alert>
      <Link href="/" className="inline-block text-sm font-medium text-brand-700 underline">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
