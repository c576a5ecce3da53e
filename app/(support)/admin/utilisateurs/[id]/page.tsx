import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { StatusBadge } from "@/components/support/status-badge";
import { SupportActionForm } from "@/components/support/support-action-form";
import { Card } from "@/components/ui/card";
import { userDetail } from "@/lib/support/user-detail";
import { requireSupport } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format/datetime";
import { displayName, roleLabel } from "@/lib/users/display-name";
import { attachAction, closeSessionsAction, detachAction, resetTwoFactorAction, unblockAction } from "../../actions";

export const metadata: Metadata = { title: "Utilisateur" };

export default async function SupportUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: me } = await requireSupport();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await userDetail(id.data);
  if (!detail) notFound();
  const { user, twoFactorOn, openSessions, history, doctors, secretaries } = detail;
  const hidden = { userId: user.id };
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          ← Utilisateurs
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{displayName(user)}</h1>
        <p className="text-slate-600">
          {user.email} · {roleLabel(user.role, user.doctorKind)}
        </p>
      </div>

      <Card title="État du compte">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
          <dt className="text-slate-500">Statut</dt>
          <dd>
            <StatusBadge status={user.status} />
            {user.blockedAt && <span className="ml-2 text-slate-600">depuis le {formatDateTime(user.blockedAt)}</span>}
          </dd>
          <dt className="text-slate-500">Double authentification</dt>
          <dd>{twoFactorOn ? "Activée" : "Non activée"}</dd>
          <dt className="text-slate-500">Codes erronés / demandes de code</dt>
          <dd>
            {user.failedCodeAttempts} / {user.emailCodeRequests} (sur 3)
          </dd>
          <dt className="text-slate-500">Mot de passe</dt>
          <dd>{user.passwordHash ? "Choisi par l'utilisateur" : "Invitation en attente"}</dd>
        </dl>
      </Card>

      <Card title="Actions du support">
        <div className="grid gap-4 md:grid-cols-2">
          <SupportActionForm title="Débloquer" description="Réactive le compte et remet ses compteurs à zéro ; l'utilisateur est prévenu par courriel." button="Débloquer" action={unblockAction} hidden={hidden} />
          {user.id !== me.id && (
            <SupportActionForm title="Réinitialiser la 2FA" description="Supprime la double authentification et ferme toutes les sessions ; l'utilisateur devra la réactiver." button="Réinitialiser la 2FA" action={resetTwoFactorAction} hidden={hidden} />
          )}
          <SupportActionForm title="Fermer les sessions" description={`${openSessions.length} session(s) ouverte(s) seront fermées.`} button="Fermer les sessions" action={closeSessionsAction} hidden={hidden} />
        </div>
      </Card>

      {user.role === "secretary" && (
        <Card title="Médecins rattachés">
          <div className="space-y-4">
            {doctors.length === 0 && <p className="text-sm text-slate-600">Aucun médecin rattaché.</p>}
            {doctors.map((d) => (
              <SupportActionForm key={d.id} title={`${displayName(d)} (${d.email})`} button="Détacher" action={detachAction} hidden={{ secretaryId: user.id, doctorId: d.id }} />
            ))}
            <SupportActionForm title="Rattacher à un médecin" button="Rattacher" action={attachAction} hidden={{ secretaryId: user.id }}>
              <div className="space-y-1.5">
                <label htmlFor="doctorEmail" className="block text-sm font-medium text-slate-800">
                  Courriel du médecin
                </label>
                <input id="doctorEmail" name="doctorEmail" type="email" className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
              </div>
            </SupportActionForm>
          </div>
        </Card>
      )}
      {user.role === "doctor" && (
        <Card title="Secrétariat rattaché">
          {secretaries.length === 0 ? (
            <p className="text-sm text-slate-600">Aucune secrétaire rattachée.</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {secretaries.map((s) => (
                <li key={s.id}>
                  <Link href={`/admin/utilisateurs/${s.id}`} className="text-brand-700 underline">
                    {displayName(s)} ({s.email})
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <Card title="Sessions ouvertes">
        {openSessions.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune session ouverte.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {openSessions.map((s) => (
              <li key={s.id} className="py-2">
                Ouverte le {formatDateTime(s.createdAt)} · dernière activité {formatDateTime(s.lastSeenAt)} · {s.ip}
                <span className="block truncate text-xs text-slate-500">{s.userAgent}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Historique de connexion (20 dernières)">
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune connexion.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {history.map((h, i) => (
              <li key={i} className="py-2">
                {formatDateTime(h.at)} · {h.ip} · {h.mode === "direct" ? "Connexion directe" : `Via secrétariat (${h.actorEmail})`}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
