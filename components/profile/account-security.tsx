import Link from "next/link";

/**
 * « Sécurité du compte » on the doctor's profile: where the guide sends a doctor to turn on
 * two-factor authentication. The settings themselves stay on /securite (password asked again,
 * QR code, recovery codes), which every role reaches from its menu; this card says where things
 * stand and leads there.
 */
export function AccountSecurity({ twoFactorOn }: { twoFactorOn: boolean }) {
  return (
    <div className="space-y-4">
      <p role="status" className="text-sm text-slate-700">
        Double authentification (2FA) :{" "}
        {twoFactorOn ? (
          <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">activée</span>
        ) : (
          <span className="rounded bg-orange-100 px-2 py-0.5 font-semibold text-orange-900">non activée</span>
        )}
      </p>
      {!twoFactorOn && (
        <p className="text-sm text-slate-600">Activez-la pour qu&apos;un code de votre téléphone soit demandé après votre mot de passe.</p>
      )}
      <Link href="/securite" className="inline-block text-sm font-semibold text-brand-700 underline">
        Gérer la double authentification
      </Link>
    </div>
  );
}
