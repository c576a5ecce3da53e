import type { Metadata } from "next";
import Link from "next/link";
import { recentConnections } from "@/lib/patient-space/account";
import { TwoFactorActivation } from "@/components/security/two-factor-activation";
import { TwoFactorEnabled } from "@/components/security/two-factor-enabled";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/auth/guards";
import { hasTwoFactor } from "@/lib/twofactor/authenticator";
import { unusedRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import { twoFactorRequired } from "@/lib/twofactor/required";
import { listOpenSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/dashboard/user-agent";
import { formatDateTime } from "@/lib/format/datetime";
import { OpenSessions } from "@/components/security/open-sessions";
import { ChangePasswordForm } from "@/components/security/change-password-form";
import {
  changePasswordAction,
  confirmActivationAction,
  deactivateAction,
  regenerateCodesAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
  startActivationAction,
} from "./actions";

export const metadata: Metadata = { title: "Sécurité du compte" };

function PatientDetails({ user }: { user: { firstName: string; lastName: string; email: string } }) {
  return (
    <Card title="Vos coordonnées">
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Nom</dt>
        <dd className="text-slate-900">
          {user.firstName} {user.lastName}
        </dd>
        <dt className="text-slate-600">Courriel</dt>
        <dd className="break-all text-slate-900">{user.email}</dd>
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        Les coordonnées de vos dossiers (adresse, téléphone, matricule) sont tenues par chaque cabinet : demandez-lui de les corriger.
      </p>
    </Card>
  );
}

function ConnectionList({ connections }: { connections: { id: string; at: Date; ip: string; device: string; current: boolean }[] }) {
  if (!connections.length) return <p className="text-sm text-slate-600">Aucune connexion enregistrée.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {connections.map((c) => (
        <li key={c.id} className="flex flex-wrap justify-between gap-2 py-2">
          <span className="text-slate-900">{formatDateTime(c.at)}</span>
          <span className="text-slate-600">
            {c.device} · {c.ip}
            {c.current && <span className="ml-2 font-semibold text-green-800">Session en cours</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function SecurityPage() {
  const { user, session } = await requireSignedIn();
  const patient = user.role === "patient";
  const enabled = await hasTwoFactor(user.id);
  const open = (await listOpenSessions(user.id)).map((s) => {
    const device = describeUserAgent(s.userAgent);
    return { id: s.id, device: `${device.browser} · ${device.os}`, ip: s.ip, lastSeen: formatDateTime(s.lastSeenAt), current: s.id === session.id };
  });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{patient ? "Mon compte" : "Sécurité du compte"}</h1>
      {patient && <PatientDetails user={user} />}
      <Card title="Double authentification (2FA)">
        {enabled ? (
          <TwoFactorEnabled
            remainingCodes={await unusedRecoveryCodes(user.id)}
            canDeactivate={!twoFactorRequired(user.role)}
            regenerateAction={regenerateCodesAction}
            deactivateAction={deactivateAction}
          />
        ) : (
          <TwoFactorActivation startAction={startActivationAction} confirmAction={confirmActivationAction} />
        )}
      </Card>
      <Card title="Mot de passe">
        <p className="mb-3 text-sm text-slate-600">
          Vos autres sessions seront fermées ; celle-ci reste ouverte. Une phrase de plusieurs mots, sans votre nom ni votre courriel, est à la fois
          sûre et facile à retenir.
        </p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
      <Card title="Sessions ouvertes">
        <OpenSessions sessions={open} revokeAction={revokeSessionAction} revokeOthersAction={revokeOtherSessionsAction} />
      </Card>
      {patient && (
        <>
          <Card title="Historique de connexion">
            <ConnectionList connections={await recentConnections(user.id, session.id)} />
          </Card>
          <Card title="Supprimer mon compte">
            <p className="mb-3 text-sm text-slate-600">
              Votre compte, ses sessions et vos demandes « me prévenir » sont supprimés ; vos rendez-vous à venir pris en ligne sont annulés. Les
              cabinets gardent leurs dossiers médicaux.
            </p>
            <Link
              href="/patient/compte/supprimer"
              className="inline-flex items-center rounded-md border border-red-300 bg-white px-4 py-2.5 text-sm font-semibold text-red-800 hover:bg-red-50"
            >
              Supprimer mon compte…
            </Link>
          </Card>
        </>
      )}
    </div>
  );
}
