import type { FormState } from "@/lib/forms/form-state";
import type { SavedPatient } from "@/lib/patients/schema";
import type { AgendaAppointment } from "./appointment-view";

// What the agenda's server actions hand back to their forms (client-safe types only).

/**
 * A question the form must put to the person before sending again: which of the two readings of a
 * repeated time, whether to book outside opening hours, whether to book « en surnombre ».
 */
export type AgendaAsk = "occurrence" | "outside-hours" | "overbook";

export type AgendaActionData = { ask?: AgendaAsk; appointmentId?: string };
export type AgendaFormState = FormState<AgendaActionData>;

/** A patient as the booking dialog lists and picks them. */
export type BookingPatient = { id: string; firstName: string; lastName: string; birthDate: string; matricule: string | null; archived: boolean };

type FormAction<S> = (state: S, formData: FormData) => Promise<S>;

/** The server actions the agenda page hands to its components. */
export type AgendaActions = {
  create: FormAction<AgendaFormState>;
  move: FormAction<AgendaFormState>;
  resize: FormAction<AgendaFormState>;
  cancel: FormAction<AgendaFormState>;
  status: FormAction<AgendaFormState>;
  details: FormAction<AgendaFormState>;
  /** One appointment whole, for its details dialog (null: not found). */
  read: (doctorId: string | null, appointmentId: string) => Promise<AgendaAppointment | null>;
  searchPatients: (doctorId: string | null, query: string) => Promise<BookingPatient[]>;
  /** « Créer un dossier patient » in the booking dialog (the patient form's action, with `doctorId`). */
  createPatient: FormAction<FormState<SavedPatient>>;
};
