import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { displayName } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Tableau de bord" };

// The statistics and the connection history arrive with the dashboard issue; until then each card
// says plainly that there is nothing to show, never a made-up figure.
export default async function DashboardPage() {
  const { doctor, mode } = await requirePracticeAccess();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Tableau de bord</h1>
        <p className="text-slate-600">{displayName(doctor)}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Card title="Clients">
          <p className="text-sm text-slate-600">Aucun patient enregistré pour l&apos;instant.</p>
        </Card>
        <Card title="Rendez-vous">
          <p className="text-sm text-slate-600">Aucun rendez-vous enregistré pour l&apos;instant.</p>
        </Card>
        <Card title="Avis">
          <p className="text-sm text-slate-600">Aucun avis reçu pour l&apos;instant.</p>
        </Card>
      </div>
      {mode === "direct" && (
        <Card title="Historique de connexion">
          <p className="text-sm text-slate-600">
            Chaque connexion à votre compte est enregistrée ; l&apos;historique détaillé s&apos;affichera ici.
          </p>
        </Card>
      )}
    </div>
  );
}
