import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { displayName, roleLabel } from "@/lib/users/display-name";

export const metadata: Metadata = { title: "Profil du praticien" };

export default async function ProfilePage() {
  const { doctor, mode } = await requirePracticeAccess();
  const rows: [string, string][] = [
    ["Nom", displayName(doctor)],
    ["Profession", roleLabel(doctor.role, doctor.doctorKind)],
    ["Spécialité", doctor.specialty ?? "Non renseignée"],
    ["Courriel", doctor.email],
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Profil du praticien</h1>
      {mode === "secretary" && (
        <p className="text-sm text-slate-600">Consultation seule : seul le médecin peut modifier son profil.</p>
      )}
      <Card title="Coordonnées">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm font-medium text-slate-500">{label}</dt>
              <dd className="text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
