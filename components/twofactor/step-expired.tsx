import Link from "next/link";
import { SIGN_IN_PATH, SIGN_IN_TITLE } from "@/lib/auth/roles";
import { PUBLIC_PORTALS } from "@/lib/auth/sign-in-messages";

/** Shown when the pending sign-in is missing, expired (10 minutes) or already used. */
export function StepExpired() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">Identification à deux facteurs (2FA)</h1>
      <p className="text-sm text-slate-700">
        Votre demande de connexion a expiré ou a déjà servi. Pour votre sécurité, recommencez depuis votre page de connexion.
      </p>
      <ul className="space-y-1 text-sm">
        {PUBLIC_PORTALS.map((role) => (
          <li key={role}>
            <Link href={SIGN_IN_PATH[role]} className="font-semibold text-brand-700 underline">
              {SIGN_IN_TITLE[role]}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
