import type { Metadata } from "next";
import Link from "next/link";
import { PatientSearch } from "@/components/patients/patient-search";
import { PatientsTable } from "@/components/patients/patients-table";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { formatCount } from "@/lib/format/number";
import { cleanSearchText } from "@/lib/forms/search-text";
import { countFilesToCheck } from "@/lib/patients/online-duplicates";
import { searchPatients } from "@/lib/patients/patients";

export const metadata: Metadata = { title: "Patients" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function PatientsPage({ searchParams }: Props) {
  const { doctor } = await requirePracticeAccess();
  const params = await searchParams;
  const query = cleanSearchText(params.q, 80);
  const page = Number.parseInt(one(params.page), 10) || 1;
  const includeArchived = one(params.archives) === "1";
  const [result, toCheck] = await Promise.all([searchPatients(doctor, { query, page, includeArchived }), countFilesToCheck(doctor)]);
  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Patients</h1>
          <p className="text-slate-600">Ordonnances, attestations et mémoires d&apos;honoraires s&apos;établissent depuis le dossier du patient.</p>
        </div>
        <Link
          href="/patients/nouveau"
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Nouveau patient
        </Link>
      </div>
      {toCheck > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <Link href="/patients/a-verifier" className="font-semibold underline">
            À vérifier : {formatCount(toCheck)} dossier{toCheck > 1 ? "s" : ""} créé{toCheck > 1 ? "s" : ""} en ligne
          </Link>{" "}
          peut-être déjà connu{toCheck > 1 ? "s" : ""} du cabinet.
        </p>
      )}
      <section aria-labelledby="liste-patients" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h2 id="liste-patients" className="text-base font-semibold text-slate-900">
            {query
              ? `${formatCount(result.total)} patient${result.total > 1 ? "s" : ""} pour « ${query} »`
              : `${formatCount(result.total)} patient${result.total > 1 ? "s" : ""}`}
          </h2>
          <PatientSearch query={query} includeArchived={includeArchived} />
        </div>
        <PatientsTable result={result} query={query} includeArchived={includeArchived} />
      </section>
    </div>
  );
}
