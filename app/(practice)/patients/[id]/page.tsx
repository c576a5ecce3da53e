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
import { correctableDocument, findDocument, listPatientDocuments, visibleKinds } from "@/lib/documents/documents";
import { KIND_LABEL, luxembourgToday, type DocumentContent } from "@/lib/documents/schema";
import { formatCalendarDate } from "@/lib/format/datetime";
import { patientAppointments, patientFile } from "@/lib/patients/patients";
import { formatMatricule } from "@/lib/patients/matricule";
import { loadProfile } from "@/lib/profile/profile";
import { formatDateTime } from "@/lib/format/datetime";
import { formatPhone, phoneHref } from "@/lib/patients/phone";
import { NO_MATRICULE_REASON_LABEL } from "@/lib/patients/schema";
import { PATIENT_DONE } from "@/lib/patients/messages";
import { roleLabel } from "@/lib/users/display-name";
import { ArchiveButton } from "@/components/patients/archive-button";
import { PatientAppointments } from "@/components/patients/patient-appointments";
import { issueDocumentAction, setArchivedAction, setDocumentSharedAction } from "./actions";

export const metadata: Metadata = { title: "Patient" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function PatientPage({ params, searchParams }: Props) {
  const access = await requirePracticeAccess();
  const { id } = await params;
  const patient = await patientFile(access.doctor, id);
  if (!patient) notFound();
  const query = await searchParams;
  const [documents, profile, issued, toCorrect, appointments] = await Promise.all([
    listPatientDocuments(access, patient.id),
    loadProfile(access.doctor),
    one(query.document) ? findDocument(access, one(query.document)) : null,
    one(query.corriger) ? findDocument(access, one(query.corriger)) : null,
    patientAppointments(access.doctor, patient.id),
  ]);
  const saved = one(query.enregistre);
  const archived = patient.archivedAt !== null;
  const author = (who: { name: string; role: Parameters<typeof roleLabel>[0] } | null) =>
    who ? `${who.name} (${roleLabel(who.role).toLowerCase()})` : "un compte supprimé";
  const kinds = visibleKinds(access.mode);
  // Only a live document of this patient can be corrected; anything else opens the usual forms.
  const correcting = toCorrect && correctableDocument(toCorrect, patient.id).kind === "correctable" ? toCorrect : null;
  const today = luxembourgToday();
  const initial = emptyValues(today);
  if (correcting)
    Object.assign(initial, correctionValues(correcting.document.kind, correcting.document.content as DocumentContent, correcting.document, today));
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
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-bold text-slate-900">
            {patient.firstName} {patient.lastName.toUpperCase()}
            {archived && (
              <span className="ml-3 inline-block rounded-full bg-slate-200 px-2.5 py-0.5 align-middle text-sm font-semibold text-slate-800">
                Archivée
              </span>
            )}
          </h1>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1.5">
              <dt>Date de naissance</dt>
              <dd className="text-slate-900">{formatCalendarDate(patient.birthDate)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt>Matricule</dt>
              <dd className="font-mono text-slate-900 tabular-nums">
                {patient.matricule ? (
                  formatMatricule(patient.matricule)
                ) : (
                  <span className="font-sans">
                    aucun — {patient.noMatriculeReason ? NO_MATRICULE_REASON_LABEL[patient.noMatriculeReason].toLowerCase() : "raison non indiquée"}
                  </span>
                )}
              </dd>
            </div>
            {patient.otherIdentifier && (
              <div className="flex gap-1.5">
                <dt>Autre identifiant</dt>
                <dd className="font-mono text-slate-900">{patient.otherIdentifier}</dd>
              </div>
            )}
            {patient.phone && (
              <div className="flex gap-1.5">
                <dt>Tél.</dt>
                <dd className="text-slate-900">
                  {phoneHref(patient.phone) ? (
                    <a href={phoneHref(patient.phone)!} className="underline-offset-2 hover:underline">
                      {formatPhone(patient.phone)}
                    </a>
                  ) : (
                    formatPhone(patient.phone)
                  )}
                </dd>
              </div>
            )}
            {patient.email && (
              <div className="flex gap-1.5">
                <dt className="sr-only">Courriel</dt>
                <dd className="break-all text-slate-900">{patient.email}</dd>
              </div>
            )}
            {patient.address && (
              <div className="flex basis-full gap-1.5">
                <dt>Adresse</dt>
                <dd className="whitespace-pre-line text-slate-900">{patient.address}</dd>
              </div>
            )}
          </dl>
          <p className="text-xs text-slate-500" data-testid="file-authors">
            Créé par {author(patient.createdBy)} le {formatDateTime(patient.createdAt)}
            {patient.updatedAt.getTime() !== patient.createdAt.getTime() && (
              <>
                {" "}
                · Modifié par {author(patient.updatedBy)} le {formatDateTime(patient.updatedAt)}
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {!archived && (
            <Link
              href={`/patients/${patient.id}/modifier`}
              className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
            >
              Modifier
            </Link>
          )}
          <ArchiveButton archived={archived} action={setArchivedAction.bind(null, patient.id, !archived)} />
        </div>
      </div>

      {saved === "cree" && <Alert tone="info">{PATIENT_DONE.created}</Alert>}
      {saved === "modifie" && <Alert tone="info">{PATIENT_DONE.updated}</Alert>}
      {archived && (
        <Alert tone="warning">
          Dossier archivé le {formatDateTime(patient.archivedAt!)} : conservé avec ses documents et rendez-vous, il n&apos;apparaît plus dans les
          recherches. Restaurez-le pour le modifier ou donner rendez-vous au patient.
        </Alert>
      )}

      <section aria-labelledby="rendez-vous-titre" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="rendez-vous-titre" className="text-base font-semibold text-slate-900">
          Rendez-vous
        </h2>
        <PatientAppointments upcoming={appointments?.upcoming ?? []} past={appointments?.past ?? []} />
      </section>

      {issued && (
        <IssuedNotice
          id={issued.document.id}
          label={`${KIND_LABEL[issued.document.kind]} n° ${issued.document.number}`}
          feminine={issued.document.kind !== "fee_note"}
        />
      )}

      <div id="nouveau" className="scroll-mt-6">
        <Card title={correcting ? `Corriger le document n° ${correcting.document.number}` : "Nouveau document"}>
          <div className="mb-4 space-y-3">
            {correcting && (
              <Alert tone="warning">
                Le document n° {correcting.document.number} restera consultable, marqué « Annulé » ; le nouveau document le remplace et porte un
                nouveau numéro.
              </Alert>
            )}
            <p className="text-sm text-slate-600">
              {secretary ? (
                <>
                  Le secrétariat prépare les mémoires d&apos;honoraires ; ordonnances et attestations sont établies par le médecin. La signature du
                  médecin n&apos;est jamais apposée sur un document préparé par le secrétariat.
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

      <section
        id="documents"
        aria-labelledby="documents-titre"
        className="scroll-mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <div>
          <h2 id="documents-titre" className="text-base font-semibold text-slate-900">
            Documents du patient
          </h2>
          {secretary && <p className="text-sm text-slate-600">Seuls les mémoires d&apos;honoraires sont visibles par le secrétariat.</p>}
        </div>
        <DocumentList
          documents={documents ?? []}
          patientId={patient.id}
          shareAction={(documentId, share) => setDocumentSharedAction.bind(null, patient.id, documentId, share)}
        />
      </section>
    </div>
  );
}
