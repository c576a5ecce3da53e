import { FIX_FIELDS } from "@/lib/forms/form-state";
import type { IssueOutcome } from "./documents";

// What issuing a document answers the person (French); the domain returns kinds (decision 0020).

export const SECRETARY_REFUSAL =
  "Le secrétariat peut préparer les mémoires d'honoraires ; les ordonnances et les attestations sont établies par le médecin.";

export const UNKNOWN_KIND = "Type de document inconnu.";

/** The form's message for a refused issue; field messages come with « invalid ». */
export function issueRefusalMessage(outcome: Exclude<IssueOutcome, { kind: "issued" }>): string {
  switch (outcome.kind) {
    case "not-found":
      return "Ce patient est introuvable dans votre cabinet.";
    case "forbidden":
      return SECRETARY_REFUSAL;
    case "invalid":
      return FIX_FIELDS;
    case "correction-not-found":
      return "Le document à corriger est introuvable.";
    case "already-corrected":
      return "Ce document a déjà été corrigé : corrigez plutôt le document qui le remplace.";
  }
}

/** « Partager avec le patient » / « Ne plus partager » (lib/documents/shares.ts). */
export const SHARE_MESSAGE = {
  shared: "Document partagé : le patient le trouve dans son espace.",
  unshared: "Le document n'est plus partagé avec le patient.",
  notFound: "Ce document est introuvable.",
} as const;
