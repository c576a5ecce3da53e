import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PatientForm } from "@/components/patients/patient-form";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { findPatient } from "@/lib/patients/patients";
import { patientFormValues } from "@/lib/patients/schema";
import { updatePatientAction } from "./actions";

export const metadata: Metadata = { title: "Modifier le dossier patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { doctor } = await requirePracticeAccess();
  const patient = await findPatient(doctor, (await params).id);
  if (!patient) notFound();
  const name = `${patient.firstName} ${patient.lastName}`;
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm text-slate-600">
        <Link href="/patients" className="font-medium text-brand-700 hover:underline">
          Patients
        </Link>{" "}
        <span aria-hidden>›</span>{" "}
        <Link href={`/patients/${patient.id}`} className="font-medium text-brand-700 hover:underline">
          {name}
        </Link>{" "}
        <span aria-hidden>›</span> Modifier
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">Modifier le dossier de {name}</h1>
      <Card>
        <PatientForm
          action={updatePatientAction.bind(null, patient.id)}
          defaultValues={patientFormValues(patient)}
          cancelHref={`/patients/${patient.id}`}
        />
      </Card>
    </div>
  );
}
