import type { Metadata } from "next";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { actorOf } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import { formatAppointmentTime, formatDateTime } from "@/lib/format/datetime";
import { requestContext } from "@/lib/http/request-context";
import { listFailedSends } from "@/lib/support/failed-sends";
import { JOB_KIND_LABEL, SUPPORT_REFUSAL } from "@/lib/support/messages";
import { retryFailedSendAction } from "./actions";

export const metadata: Metadata = { title: "Envois en échec" };

export default async function FailedSendsPage() {
  const { user } = await requireSupport();
  const result = await listFailedSends(actorOf(user, (await requestContext()).ip));
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-slate-900">Envois en échec</h1>
        <p className="text-sm text-slate-600">
          Les courriels et SMS que le serveur a abandonnés après huit tentatives. « Relancer » le retente une fois ; la relance est inscrite au
          journal d&apos;audit.
        </p>
      </div>
      <Card>
        {result.kind !== "done" ? (
          <Alert>{SUPPORT_REFUSAL["not-support"]}</Alert>
        ) : result.sends.length === 0 ? (
          <p className="text-sm text-slate-600">Aucun envoi en échec.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {result.sends.map((s) => {
              const what = JOB_KIND_LABEL[s.kind] ?? s.kind;
              return (
                <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-4 first:pt-0 last:pb-0" data-testid="failed-send">
                  <div className="min-w-0 space-y-1 text-sm">
                    <p className="font-semibold text-slate-900">{what}</p>
                    <p className="text-slate-700">
                      À : {s.patientName ?? "patient supprimé"}
                      {s.to ? ` <${s.to}>` : " (pas d'adresse)"}
                    </p>
                    {s.appointmentAt && (
                      <p className="text-slate-700">
                        Rendez-vous du {formatAppointmentTime(s.appointmentAt)}
                        {s.doctorName ? ` avec ${s.doctorName}` : ""}
                      </p>
                    )}
                    <p className="text-slate-600">
                      {s.attempts} tentatives depuis le {formatDateTime(s.createdAt)}. Dernière erreur :{" "}
                      <span className="break-words font-mono text-xs">{s.lastError ?? "inconnue"}</span>
                    </p>
                  </div>
                  <ActionButton
                    label="Relancer"
                    accessibleLabel={`Relancer : ${what}${s.to ? ` à ${s.to}` : ""}`}
                    action={retryFailedSendAction.bind(null, String(s.id))}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
