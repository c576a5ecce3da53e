import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePatient } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Espace patient" };

export default async function PatientPage() {
  const { user } = await requirePatient();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Bonjour {user.firstName}</h1>
      <Card title="Vos documents">
        <p className="text-sm text-slate-600">Aucun document partagé avec vous pour l&apos;instant.</p>
      </Card>
    </div>
  );
}
