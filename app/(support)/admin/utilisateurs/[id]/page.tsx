import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionOutcome } from "@/components/support/action-outcome";
import { StatusBadge } from "@/components/support/status-badge";
import { SupportActionForm } from "@/components/support/support-action-form";
import { Card } from "@/components/ui/card";
import { userDetail } from "@/lib/support/user-detail";
import { requireSupport } from "@/lib/auth/guards";
import { actorOf } from "@/lib/audit/support-log";
import { counted } from "@/lib/format/count";
import { formatDateTime } from "@/lib/format/datetime";
import { isUuid } from "@/lib/forms/ids";
import { requestContext } from "@/lib/http/request-context";
import { auditUserPageRead } from "@/lib/support/reads";
import { displayName, roleLabel } from "@/lib/users/display-name";
import { attachAction, blockAction, closeSessionsAction, detachAction, resetTwoFactorAction, unblockAction } from "../../actions";

export const metadata: Metadata = { title: "Utilisateur" };

export default async function SupportUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { user: me } = await requireSupport();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const detail = await userDetail(id);
  if (!detail) notFound();
  const { user, twoFactorOn, openSessions, history, doctors, secretaries, otherActiveSupport } = detail;
  await auditUserPageRead(actorOf(me, (await requestContext()).ip), user);
  const hidden = { userId: user.id };
  const name = displayName(user);
  // Only the actions that apply to this account are offered.
  const canBlock = user.status === "active" && user.id !== me.id && (user.role !== "support" || otherActiveSupport > 0);
  const canResetTwoFactor = twoFactorOn && user.id !== me.id;
  const actionsShown = [user.status === "blocked", canBlock, canResetTwoFactor, openSessions.length > 0].filter(Boolean).length;
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

      <ActionOutcome>
        <Card title="Actions du support">
          {actionsShown === 0 ? (
            <p className="text-sm text-slate-600">Aucune action ne s&apos;applique à ce compte.</p>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              {user.status === "blocked" && (
                <SupportActionForm
                  title="Débloquer"
                  description="Réactive le compte et remet ses compteurs à zéro ; l'utilisateur est prévenu par courriel."
                  button="Débloquer"
                  reasonLabel="Raison du déblocage"
                  action={unblockAction}
                  hidden={hidden}
                />
              )}
              {canBlock && (
                <SupportActionForm
                  title="Bloquer"
                  description="Empêche toute connexion et ferme les sessions ouvertes ; l'utilisateur est prévenu par courriel."
                  button="Bloquer"
                  reasonLabel="Raison du blocage"
                  action={blockAction}
                  hidden={hidden}
                  confirm={{
                    title: `Bloquer le compte de ${name} ?`,
                    text: `Le compte ne pourra plus se connecter${openSessions.length ? ` et ${counted(openSessions.length, "session ouverte sera fermée", "sessions ouvertes seront fermées")}` : ""}. Les liens et codes envoyés par courriel cessent de fonctionner. Un support pourra le débloquer.`,
                  }}
                />
              )}
              {canResetTwoFactor && (
                <SupportActionForm
                  title="Réinitialiser la 2FA"
                  description="Supprime la double authentification et ferme toutes les sessions ; l'utilisateur devra la réactiver."
                  button="Réinitialiser la 2FA"
                  reasonLabel="Raison de la réinitialisation de la 2FA"
                  action={resetTwoFactorAction}
                  hidden={hidden}
                  confirm={{
                    title: `Réinitialiser la double authentification de ${name} ?`,
                    text: `Son application d'authentification et ses codes de secours cessent de fonctionner${openSessions.length ? ` et ${counted(openSessions.length, "session ouverte sera fermée", "sessions ouvertes seront fermées")}` : ""}. À la prochaine connexion, aucun code ne sera demandé${user.role === "support" ? " avant une nouvelle activation" : ""}.`,
                  }}
                />
              )}
              {openSessions.length > 0 && (
                <SupportActionForm
                  title="Fermer les sessions"
                  description={`${counted(openSessions.length, "session ouverte sera fermée", "sessions ouvertes seront fermées")}.`}
                  button="Fermer les sessions"
                  reasonLabel="Raison de la fermeture des sessions"
                  action={closeSessionsAction}
                  hidden={hidden}
                  confirm={{
                    title: `Fermer les sessions de ${name} ?`,
                    text: `${counted(openSessions.length, "session ouverte sera fermée", "sessions ouvertes seront fermées")} : l'utilisateur devra se reconnecter sur chaque appareil.`,
                  }}
                />
              )}
            </div>
          )}
        </Card>

        {user.role === "secretary" && (
          <Card title="Médecins rattachés">
            <div className="space-y-4">
              {doctors.length === 0 && <p className="text-sm text-slate-600">Aucun médecin rattaché.</p>}
              {doctors.map((d) => (
                <SupportActionForm
                  key={d.id}
                  title={`${displayName(d)} (${d.email})`}
                  button="Détacher"
                  reasonLabel={`Raison du détachement de ${displayName(d)}`}
                  action={detachAction}
                  hidden={{ secretaryId: user.id, doctorId: d.id }}
                  confirm={{
                    title: `Détacher ${name} de ${displayName(d)} ?`,
                    text: `Elle ne pourra plus travailler pour ${displayName(d)} et ses sessions ouvertes pour ce médecin seront fermées. Ses autres rattachements restent.`,
                  }}
                />
              ))}
              <SupportActionForm
                title="Rattacher à un médecin"
                button="Rattacher"
                reasonLabel="Raison du rattachement"
                action={attachAction}
                hidden={{ secretaryId: user.id }}
                field={{ name: "doctorEmail", label: "Courriel du médecin", type: "email", autoComplete: "off" }}
              />
            </div>
          </Card>
        )}
      </ActionOutcome>
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
                Ouverte le {formatDateTime(s.createdAt)} · dernière activité le {formatDateTime(s.lastSeenAt)} · {s.ip}
                <span className="block truncate text-xs text-slate-500">{s.userAgent}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title="Historique de connexion (20 dernières connexions)">
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
