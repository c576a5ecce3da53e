import { formatDateTime } from "@/lib/format/datetime";
import type { PatientCancelResult } from "./patient-cancel";

// What online booking's results say to the patient (French); the domain returns kinds (decision 0020).

export function patientCancelMessage(result: PatientCancelResult): string {
  switch (result.kind) {
    case "cancelled":
      return "Votre rendez-vous est annulé.";
    case "not-found":
      return "Ce rendez-vous est introuvable.";
    case "link-used":
      return "Ce lien d'annulation a déjà servi.";
    case "link-expired":
      return "Ce lien d'annulation a expiré : le délai d'annulation en ligne est passé. Appelez le cabinet.";
    case "too-late":
      return `Le délai d'annulation en ligne est passé (${formatDateTime(result.deadline)}). Appelez le cabinet.`;
    case "not-cancellable":
      return "Ce rendez-vous ne peut plus être annulé.";
  }
}
