import { FIX_FIELDS } from "@/lib/forms/form-state";
import type { FormState } from "@/lib/forms/form-state";
import type { PatientProblem } from "./file-rules";
import { PATIENT_PROBLEM_MESSAGE } from "./schema";
import type { ResolveResult } from "./online-duplicates";
import type { ArchiveResult, SavePatientResult } from "./patients";

// What the patient files' results say to the person (French).

export type PatientRefusal = Exclude<SavePatientResult, { kind: "done" }> | Exclude<ArchiveResult, { kind: "done" }>;

/** The sentence for a refusal. A duplicate matricule also offers a link to the existing file (`existingId`). */
export function patientRefusalMessage(result: PatientRefusal): string {
  switch (result.kind) {
    case "duplicate-matricule":
      return "Un patient du cabinet a déjà ce matricule : ouvrez son dossier plutôt que d'en créer un second.";
    case "not-found":
      return "Ce dossier patient est introuvable.";
    case "invalid":
      return PATIENT_PROBLEM_MESSAGE[result.problem satisfies PatientProblem];
  }
}

/** The link offered with a duplicate matricule. */
export function existingFileLink(existingId: string): { href: string; label: string } {
  return { href: `/patients/${existingId}`, label: "Ouvrir le dossier existant" };
}

export const PATIENT_DONE = {
  created: "Dossier patient créé.",
  updated: "Dossier patient enregistré.",
  archived: "Dossier archivé : il n'apparaît plus dans les recherches de l'agenda.",
  restored: "Dossier restauré.",
} as const;

const PROBLEM_FIELD: Record<PatientProblem, string> = {
  "last-name": "lastName",
  "first-name": "firstName",
  "birth-date": "birthDate",
  matricule: "matricule",
  "matricule-birth-date": "matricule",
  reason: "noMatriculeReason",
  "other-identifier": "otherIdentifier",
  email: "email",
  phone: "phone",
  address: "address",
};

/** A refused save as the patient form shows it: the message under its field, or above the button with a link. */
export function patientRefusalState<Data>(result: Exclude<SavePatientResult, { kind: "done" }>): FormState<Data> {
  const message = patientRefusalMessage(result);
  switch (result.kind) {
    case "duplicate-matricule":
      return {
        status: "error",
        formError: message,
        fieldErrors: { matricule: "Matricule déjà enregistré dans le cabinet." },
        links: [existingFileLink(result.existingId)],
      };
    case "invalid":
      return {
        status: "error",
        formError: FIX_FIELDS,
        fieldErrors: { [PROBLEM_FIELD[result.problem]]: message },
      };
    case "not-found":
      return { status: "error", formError: message };
  }
}

/** « À vérifier »: what the practice's decision on an online file says. */
export function onlineFileMessage(result: ResolveResult): string {
  switch (result.kind) {
    case "linked":
      return "Dossiers réunis : les rendez-vous pris en ligne sont maintenant dans le dossier existant, qui est relié au compte du patient.";
    case "distinct":
      return "Noté : ce sont deux personnes différentes, les deux dossiers sont conservés.";
    case "not-found":
      return "Ce dossier n'est plus à vérifier : quelqu'un l'a peut-être déjà traité.";
    case "already-linked":
      return "Le dossier existant est déjà relié à un autre compte patient : ils ne peuvent pas être réunis. Choisissez « Personnes différentes » ou corrigez les dossiers.";
  }
}
