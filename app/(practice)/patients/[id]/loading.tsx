import { PatientsSkeleton } from "@/components/patients/page-skeleton";

export default function PatientLoading() {
  return <PatientsSkeleton label="Chargement du dossier du patient…" />;
}
