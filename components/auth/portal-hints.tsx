import Link from "next/link";
import { SIGN_IN_PATH, SIGN_IN_TITLE, type Role } from "@/lib/auth/roles";
import { PUBLIC_PORTALS } from "@/lib/auth/sign-in-messages";

const QUESTION: Record<(typeof PUBLIC_PORTALS)[number], string> = {
  doctor: "Vous êtes médecin ou médecin-dentiste ?",
  secretary: "Vous cherchez l'accès secrétariat ?",
  patient: "Vous êtes un patient ?",
};

/** The guide's hints under each public sign-in form, pointing to the other pages. */
export function PortalHints({ current }: { current: Role }) {
  if (current === "support") return null;
  return (
    <div className="space-y-3 border-t border-slate-200 pt-5 text-sm text-slate-600">
      {PUBLIC_PORTALS.filter((r) => r !== current).map((role) => (
        <p key={role}>
          {QUESTION[role]} La fenêtre de connexion ci-dessus ne vous est pas destinée. Vous devez vous connecter sur la page suivante&nbsp;:{" "}
          <Link href={SIGN_IN_PATH[role]} className="font-semibold text-brand-700 underline">
            {SIGN_IN_TITLE[role]}
          </Link>
        </p>
      ))}
    </div>
  );
}
