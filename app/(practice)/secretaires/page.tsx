import type { Metadata } from "next";
import { AttachedSecretaries } from "@/components/secretary/attached-secretaries";
import { Card } from "@/components/ui/card";
import { requireDoctor } from "@/lib/auth/guards";
import { listAttachedSecretaries } from "@/lib/secretary/doctors";
import { detachSecretaryAction } from "./actions";

export const metadata: Metadata = { title: "Mon secrétariat" };

export default async function MySecretariesPage() {
  const { doctor } = await requireDoctor();
  const secretaries = await listAttachedSecretaries(doctor.id);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Mon secrétariat</h1>
      <p className="text-sm text-slate-600">
        Les personnes qui peuvent travailler pour votre cabinet. Chacune de leurs connexions apparaît en rouge dans votre historique de connexion.
      </p>
      <Card>
        <AttachedSecretaries secretaries={secretaries} detachAction={detachSecretaryAction} />
      </Card>
    </div>
  );
}
