import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentList } from "@/components/documents/document-list";
import { IssuedNotice } from "@/components/documents/issued-notice";
import { NewDocument } from "@/components/documents/new-document";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { correctionValues, emptyValues } from "@/lib/documents/form-values";
import { findDocument, listPatientDocuments, visibleKinds } from "@/lib/documents/documents";
import { KIND_LABEL, luxembourgToday, type DocumentContent } from "@/lib/documents/schema";
import { formatCalendarDate } from "@/lib/format/datetime";
import { findPatient } from "@/lib/patients/patients";
import { formatMatricule } from "@/lib/patients/matricule";
import { loadProfile } from "@/lib/profile/profile";
import { issueDocumentAction } from "./actions";

export const metadata: Metadata = { title: "Patient" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function PatientPage({ params, searchParams }: Props) {
  const access = await requirePracticeAccess();
  const { id } = await params;
  const patient = await findPatient(access.doctor, id);
  if (!patient) notFound();
  const query = await searchParams;
  const [documents, profile, issued, toCorrect] = await Promise.all([
    listPatientDocuments(access, patient.id),
    loadProfile(access.doctor),
    one(query.document) ? findDocument(access, one(query.document)) : null,
    one(query.corriger) ? findDocument(access, one(query.corriger)) : null,
  ]);
  const kinds = visibleKinds(access.mode);
  // Only a live document of this patient can be corrected; anything else opens the usual forms.
  const correcting = toCorrect && toCorrect.document.patientId === patient.id && !toCorrect.cancelledByNumber ? toCorrect : null;
  const today = luxembourgToday();
  const initial = emptyValues(today);
  if (correcting) Object.assign(initial, correctionValues(correcting.document.kind, correcting.document.content as DocumentContent, correcting.document, today));
  const actions = Object.fromEntries(kinds.map((k) => [k, issueDocumentAction.bind(null, patient.id, k)]));
  const secretary = access.mode === "secretary";
  const p = profile.profile;

  return (
    <div className="max-w-6xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm text-slate-600">
        <Link href="/patients" className="font-medium text-brand-700 hover:underline">
          Patients
        </Link>{" "}
        <span aria-hidden>›</span> {patient.firstName} {patient.lastName}
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">
            {patient.firstName} {patient.lastName.toUpperCase()}
          </h1>
          <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1.5">
              <dt>Né(e) le</dt>
              <dd className="text-slate-900">{formatCalendarDate(patient.birthDate)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt>Matricule</dt>
              <dd className="font-mono text-slate-900 tabular-nums">{formatMatricule(patient.matricule)}</dd>
            </div>
            {patient.phone && (
              <div className="flex gap-1.5">
                <dt>Tél.</dt>
                <dd className="text-slate-900">{patient.phone}</dd>
              </div>
            )}
            {patient.email && (
              <div className="flex gap-1.5">
                <dt className="sr-only">Courriel</dt>
                <dd className="text-slate-900">{patient.email}</dd>
              </div>
            )}
          </dl>
        </div>
      </div>

      {issued && <IssuedNotice id={issued.document.id} label={`${KIND_LABEL[issued.document.kind]} n° ${issued.document.number}`} feminine={issued.document.kind !== "fee_note"} />}

      <div id="nouveau" className="scroll-mt-6">
        <Card title={correcting ? `Corriger le document n° ${correcting.document.number}` : "Nouveau document"}>
          <div className="mb-4 space-y-3">
            {correcting && (
              <Alert tone="warning">
                Le document n° {correcting.document.number} restera consultable, marqué « Annulé » ; le nouveau document le remplace et porte un nouveau numéro.
              </Alert>
            )}
            <p className="text-sm text-slate-600">
              {secretary ? (
                <>
                  Le secrétariat prépare les mémoires d&apos;honoraires ; ordonnances et attestations sont établies par le médecin. La signature du médecin n&apos;est jamais
                  apposée sur un document préparé par le secrétariat.
                </>
              ) : (
                <>
                  Figureront sur le document : cachet <strong>{p.stampOnDocuments ? "oui" : "non"}</strong>, signature{" "}
                  <strong>{p.signatureOnDocuments ? "oui" : "non"}</strong>
                  {p.iban ? " ; IBAN sur les mémoires d'honoraires" : ""}
                  {p.payconiqMerchantId ? " et code QR Payconiq si la note est à payer" : ""}.{" "}
                  <Link href="/profile" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    Modifier dans le profil
                  </Link>
                </>
              )}
            </p>
          </div>
          <NewDocument
            key={`${one(query.document)}-${correcting?.document.id ?? ""}`}
            kinds={kinds}
            initialKind={one(query.nouveau) === "honoraires" && kinds.includes("fee_note") ? "fee_note" : kinds[0]!}
            actions={actions}
            initial={initial}
            replaces={correcting ? { id: correcting.document.id, number: correcting.document.number, kind: correcting.document.kind } : null}
            cancelHref={`/patients/${patient.id}`}
          />
        </Card>
      </div>

      <section id="documents" aria-labelledby="documents-titre" className="scroll-mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="documents-titre" className="text-base font-semibold text-slate-900">
            Documents du patient
          </h2>
          {secretary && <p className="text-sm text-slate-600">Seules les mémoires d&apos;honoraires sont visibles par le secrétariat.</p>}
        </div>
        <DocumentList documents={documents ?? []} patientId={patient.id} />
      </section>
    </div>
  );
}
