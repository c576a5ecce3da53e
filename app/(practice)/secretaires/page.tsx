import type { Metadata } from "next";
import { DetachSecretaryButton } from "@/components/layout/detach-secretary-button";
import { Card } from "@/components/ui/card";
import { requireDoctor } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format/datetime";
import { listAttachedSecretaries } from "@/lib/secretary/doctors";
import { displayName } from "@/lib/users/display-name";
import { detachSecretaryAction } from "./actions";

export const metadata: Metadata = { title: "Mon secrétariat" };

export default async function MySecretariesPage() {
  const { doctor } = await requireDoctor();
  const secretaries = await listAttachedSecretaries(doctor.id);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Mon secrétariat</h1>
      <p className="text-sm text-slate-600">
        Les personnes qui peuvent travailler pour votre cabinet. Chacune de leurs connexions apparaît en rouge dans votre
        historique de connexion.
      </p>
      <Card>
        {secretaries.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune secrétaire n&apos;est rattachée à votre cabinet. Le support Doctipro peut en rattacher une.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {secretaries.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-4 py-3">
                <div>
                  <p className="font-medium text-slate-900">{displayName(s)}</p>
                  <p className="text-sm text-slate-600">
                    {s.email} · rattachée le {formatDateTime(s.since)}
                  </p>
                </div>
                <DetachSecretaryButton secretaryId={s.id} name={displayName(s)} action={detachSecretaryAction} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
