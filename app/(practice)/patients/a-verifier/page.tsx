import type { Metadata } from "next";
import Link from "next/link";
import { FilesToCheck } from "@/components/patients/files-to-check";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { filesToCheck } from "@/lib/patients/online-duplicates";
import { resolveOnlineFileAction } from "./actions";

export const metadata: Metadata = { title: "Dossiers à vérifier" };

export default async function FilesToCheckPage() {
  const { doctor } = await requirePracticeAccess();
  const files = await filesToCheck(doctor);
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/patients" className="text-brand-700 underline">
            ← Patients
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-slate-900">À vérifier</h1>
        <p className="text-slate-600">
          Des patients ont pris rendez-vous en ligne avec des informations proches d&apos;un dossier existant. Tant que vous n&apos;avez pas décidé,
          le patient ne voit rien du dossier existant.
        </p>
      </div>
      <FilesToCheck
        files={files.map((f) => ({
          ...f,
          actions: { same: resolveOnlineFileAction.bind(null, f.id, "same"), distinct: resolveOnlineFileAction.bind(null, f.id, "distinct") },
        }))}
      />
    </div>
  );
}
