import type { PatientProblem } from "./file-rules";
import { PATIENT_PROBLEM_MESSAGE } from "./schema";
import type { ArchiveResult, SavePatientResult } from "./patients";

// What the patient files' results say to the person (French).

export type PatientRefusal = Exclude<SavePatientResult, { kind: "done" }> | Exclude<ArchiveResult, { kind: "done" }>;

/** The sentence for a refusal. A duplicate matricule also offers a link to the existing file (`existingId`). */
export function patientRefusalMessage(result: PatientRefusal): string {
  switch (result.kind) {
    case "duplicate-matricule":
      return "Un patient du cabinet a déjà ce matricule : ouvrez sa fiche plutôt que d'en créer une seconde.";
    case "not-found":
      return "Cette fiche patient est introuvable.";
    case "invalid":
      return PATIENT_PROBLEM_MESSAGE[result.problem satisfies PatientProblem];
  }
}

/** The link offered with a duplicate matricule. */
export function existingFileLink(existingId: string): { href: string; label: string } {
  return { href: `/patients/${existingId}`, label: "Ouvrir la fiche existante" };
}

export const PATIENT_DONE = {
  created: "Fiche patient créée.",
  updated: "Fiche patient enregistrée.",
  archived: "Fiche archivée : elle n'apparaît plus dans les recherches de l'agenda.",
  restored: "Fiche restaurée.",
} as const;
