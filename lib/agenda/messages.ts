import { formatCalendarDate } from "@/lib/format/datetime";
import { formatCount } from "@/lib/format/number";
import type { CreateAbsenceResult, DeleteAbsenceResult } from "./absences";
import type { CancelResult, CreateAppointmentResult, DetailsResult, RescheduleResult, StatusResult } from "./appointments";
import type { SetHolidayResult } from "./holiday-openings";
import type { ReplaceHoursResult } from "./opening-hours";
import { ABSENCE_PROBLEM_MESSAGE, HOURS_PROBLEM_MESSAGE, STATUS_LABEL, TIME_PROBLEM_MESSAGE } from "./schema";
import { MAX_NOTE_LENGTH, type AbsenceProblem, type TimeProblem } from "./rules";
import type { DeleteVisitReasonResult, ReorderResult, SaveVisitReasonResult, SetActiveResult, VisitReasonProblem } from "./visit-reasons";

// What the agenda's results say to the person (French). The domain returns kinds; server actions
// turn each refusal into its sentence here, and a success into its confirmation.

/** Every refusal any agenda function can answer. */
export type AgendaRefusal =
  | Exclude<CreateAppointmentResult, { kind: "done" }>
  | Exclude<RescheduleResult, { kind: "done" }>
  | Exclude<CancelResult, { kind: "done" }>
  | Exclude<StatusResult, { kind: "done" }>
  | Exclude<DetailsResult, { kind: "done" }>
  | Exclude<ReplaceHoursResult, { kind: "done" }>
  | Exclude<CreateAbsenceResult, { kind: "done" }>
  | Exclude<DeleteAbsenceResult, { kind: "done" }>
  | Exclude<SetHolidayResult, { kind: "done" }>
  | Exclude<SaveVisitReasonResult, { kind: "done" }>
  | Exclude<ReorderResult, { kind: "done" }>
  | Exclude<DeleteVisitReasonResult, { kind: "done" }>
  | Exclude<SetActiveResult, { kind: "done" }>;

/** The loser of a race for a time (also shown with a refreshed agenda). */
export const TAKEN = "Ce créneau n'est plus libre.";
export const OUTSIDE_HOURS = "Ce créneau est en dehors des heures d'ouverture. Confirmez pour réserver quand même.";
export const NOT_FOUND = "Ce rendez-vous est introuvable.";
/** « not-found » from a motif function (the settings). */
export const MOTIF_NOT_FOUND = "Ce motif est introuvable.";
/** A status the agenda does not know (only a forged or stale form sends one). */
export const STATUS_UNKNOWN = "Statut inconnu.";
export const ABSENCE_GONE = "Cette absence est introuvable (déjà supprimée ?).";
/** The week's rows arrived in pieces (a stale or forged page): its lists do not line up. */
export const ROWS_INCOMPLETE = { hours: "Horaires incomplets : rechargez la page.", windows: "Plages incomplètes : rechargez la page." } as const;
export const FIX_HOURS = "Corrigez les plages signalées : rien n'a été enregistré.";

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const INVALID_PROBLEM: Record<TimeProblem | AbsenceProblem | VisitReasonProblem | "note" | "ids", string> = {
  ...TIME_PROBLEM_MESSAGE,
  ...ABSENCE_PROBLEM_MESSAGE,
  note: `La note : ${formatCount(MAX_NOTE_LENGTH)} caractères au plus.`,
  "motif-label": "Le libellé du motif : de 1 à 60 caractères.",
  "motif-duration": "La durée du motif : de 5 à 240 minutes, par tranches de 5 minutes.",
  "motif-colour": "Choisissez une couleur de la palette.",
  ids: "La liste des motifs a changé entre-temps : rechargez la page.",
};

/** The French sentence for a refusal. */
export function agendaRefusalMessage(result: AgendaRefusal): string {
  switch (result.kind) {
    case "taken":
      return TAKEN;
    case "outside-hours":
      return OUTSIDE_HOURS;
    case "not-found":
      return NOT_FOUND;
    case "patient-not-found":
      return "Ce patient est introuvable.";
    case "patient-archived":
      return "Le dossier de ce patient est archivé : restaurez-le pour lui donner rendez-vous.";
    case "motif-not-found":
      return "Ce motif est introuvable.";
    case "motif-inactive":
      return "Ce motif n'est plus proposé : choisissez-en un autre.";
    case "not-reschedulable":
      return `Un rendez-vous « ${lower(STATUS_LABEL[result.status])} » ne se déplace plus.`;
    case "not-cancellable":
      return `Un rendez-vous « ${lower(STATUS_LABEL[result.status])} » ne s'annule plus.`;
    case "not-allowed":
      return `Un rendez-vous « ${lower(STATUS_LABEL[result.from])} » ne peut pas passer à « ${lower(STATUS_LABEL[result.to])} ».`;
    case "not-yet":
      return "Ce rendez-vous n'a pas encore commencé : il ne peut pas être marqué « absent non excusé ».";
    case "not-a-holiday":
      return "Ce jour n'est pas un jour férié.";
    case "duplicate-label":
      return "Un motif porte déjà ce libellé.";
    case "in-use":
      return "Des rendez-vous utilisent ce motif : désactivez-le plutôt (il ne sera plus proposé).";
    case "invalid":
      return "problems" in result ? HOURS_PROBLEM_MESSAGE[result.problems[0]?.problem ?? "empty"] : INVALID_PROBLEM[result.problem];
  }
}

/** Confirmations. */
export const DONE = {
  created: "Rendez-vous enregistré.",
  createdOutsideHours: "Rendez-vous enregistré, en dehors des heures d'ouverture.",
  moved: "Rendez-vous déplacé.",
  resized: "Durée du rendez-vous modifiée.",
  cancelled: "Rendez-vous annulé.",
  details: "Rendez-vous modifié.",
  status: (status: keyof typeof STATUS_LABEL) => `Rendez-vous marqué « ${lower(STATUS_LABEL[status])} ».`,
  hours: "Heures d'ouverture enregistrées.",
  absenceCreated: (appointmentsDuring: number) =>
    appointmentsDuring === 0
      ? "Absence enregistrée."
      : `Absence enregistrée. ${appointmentsDuring} rendez-vous ${appointmentsDuring > 1 ? "restent prévus" : "reste prévu"} pendant cette absence : déplacez-les ou annulez-les.`,
  absenceDeleted: "Absence supprimée.",
  holidayOpened: (day: string) => `Le cabinet ouvre le ${formatCalendarDate(day)}.`,
  holidayClosed: (day: string) => `Le cabinet est fermé le ${formatCalendarDate(day)}.`,
  motifSaved: "Motif enregistré.",
  motifDeleted: "Motif supprimé.",
  motifsReordered: "Ordre des motifs enregistré.",
  motifActive: (active: boolean) =>
    active ? "Motif réactivé : il est de nouveau proposé." : "Motif désactivé : il n'est plus proposé pour les nouveaux rendez-vous.",
} as const;
