import type { Metadata } from "next";
import { DoctorPicker } from "@/components/layout/doctor-picker";
import { requireSecretary } from "@/lib/auth/guards";
import { listAttachedDoctors } from "@/lib/secretary/doctors";
import { displayName } from "@/lib/users/display-name";
import { chooseDoctorAction } from "./actions";

export const metadata: Metadata = { title: "Mes médecins" };

export default async function SecretaryHomePage() {
  const { user, session } = await requireSecretary();
  const doctors = await listAttachedDoctors(user.id);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Pour quel médecin travaillez-vous ?</h1>
        <p className="text-slate-600">Choisissez le cabinet à ouvrir. Vous pourrez changer à tout moment.</p>
      </div>
      {doctors.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          Vous n&apos;êtes rattachée à aucun médecin pour l&apos;instant. Le médecin ou le support Doctipro peut vous rattacher à son cabinet.
        </p>
      ) : (
        <DoctorPicker
          action={chooseDoctorAction}
          doctors={doctors.map((d) => ({
            id: d.id,
            name: displayName(d),
            specialty: d.specialty,
            current: d.id === session.actingForDoctorId,
          }))}
        />
      )}
    </div>
  );
}
