import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { findPatient } from "@/lib/patients/patients";

// Checked here, outside the page's loading boundary (loading.tsx): once the skeleton has streamed
// the status is sent, so an unknown id or another doctor's patient must answer 404 before that.
export default async function PatientLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { doctor } = await requirePracticeAccess();
  if (!(await findPatient(doctor, (await params).id))) notFound();
  return children;
}
