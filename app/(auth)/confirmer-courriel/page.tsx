import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/profile/confirm-email-form";
import { findEmailChange } from "@/lib/profile/email-change";
import { emailChangeAnswer } from "@/lib/profile/messages";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirmer la nouvelle adresse" };

// A link from an email: opening it changes nothing (mail scanners open links); the button does.
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ jeton?: string | string[] }> }) {
  const { jeton } = await searchParams;
  const token = typeof jeton === "string" ? jeton : "";
  const change = token ? await findEmailChange(token) : null;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Confirmer la nouvelle adresse</h1>
      {change ? (
        <ConfirmEmailForm token={token} newEmail={change.newEmail} action={confirmEmailChangeAction} />
      ) : (
        <p className="text-sm text-slate-700">{emailChangeAnswer({ kind: "invalid-link" }).text}</p>
      )}
    </div>
  );
}
