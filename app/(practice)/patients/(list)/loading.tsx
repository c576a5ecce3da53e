import { PatientsSkeleton } from "@/components/patients/page-skeleton";

export default function PatientsLoading() {
  return <PatientsSkeleton label="Chargement des patients…" />;
}
