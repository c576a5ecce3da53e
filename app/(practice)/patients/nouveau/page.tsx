import type { Metadata } from "next";
import Link from "next/link";
import { PatientForm } from "@/components/patients/patient-form";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { createPatientAction } from "./actions";

export const metadata: Metadata = { title: "Nouveau patient" };

export default async function NewPatientPage() {
  await requirePracticeAccess();
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm text-slate-600">
        <Link href="/patients" className="font-medium text-brand-700 hover:underline">
          Patients
        </Link>{" "}
        <span aria-hidden>›</span> Nouveau patient
      </nav>
      <h1 className="text-2xl font-bold text-slate-900">Nouveau patient</h1>
      <Card>
        <PatientForm action={createPatientAction} submitLabel="Créer le dossier" cancelHref="/patients" />
      </Card>
    </div>
  );
}
