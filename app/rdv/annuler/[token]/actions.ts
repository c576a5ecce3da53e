"use server";

import { cancelAsPatient } from "@/lib/booking/patient-cancel";
import { patientCancelMessage } from "@/lib/booking/messages";
import type { FormState } from "@/lib/forms/form-state";

/** « Annuler ce rendez-vous » on /rdv/annuler/<token>: the token alone names the appointment. */
export async function cancelByLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = formData.get("token");
  if (typeof token !== "string" || token === "") return { status: "error", formError: patientCancelMessage({ kind: "not-found" }) };
  const result = await cancelAsPatient({ kind: "link", token });
  if (result.kind !== "cancelled") return { status: "error", formError: patientCancelMessage(result) };
  return { status: "success", message: `${patientCancelMessage(result)} Un courriel de confirmation vous est envoyé.` };
}
