"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePatient } from "@/lib/auth/guards";
import { patientCancelMessage } from "@/lib/booking/messages";
import { cancelAsPatient } from "@/lib/booking/patient-cancel";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { reviewMessage, waitlistMessage } from "@/lib/patient-space/messages";
import { leaveReview, setWaitlist } from "@/lib/patient-space/reviews";
import { reviewSchema } from "@/lib/patient-space/schema";

// The patient space's actions. The appointment id is bound by the page but comes back from the
// browser: every domain call looks it up together with the signed-in account (lib/patient-space/
// ownership.ts, cancelAsPatient's « account » actor), so a forged id is « introuvable ».

export async function cancelAppointmentAction(appointmentId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { user } = await requirePatient();
  const result = await cancelAsPatient({ kind: "account", userId: user.id, appointmentId: String(appointmentId) });
  if (result.kind !== "cancelled") return { status: "error", formError: patientCancelMessage(result) };
  // The appointment leaves the list it was in: the confirmation is said by the page.
  revalidatePath("/patient");
  redirect("/patient?annule=1");
}

export async function setWaitlistAction(appointmentId: string, on: boolean, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { user } = await requirePatient();
  const result = await setWaitlist(user.id, String(appointmentId), on === true);
  if (result.kind !== "done") return { status: "error", formError: waitlistMessage(result) };
  revalidatePath("/patient");
  return { status: "success", message: waitlistMessage(result) };
}

export async function leaveReviewAction(appointmentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requirePatient();
  const parsed = reviewSchema.safeParse({ rating: formData.get("rating") ?? undefined, comment: formData.get("comment") ?? undefined });
  if (!parsed.success) return invalid(parsed.error);
  const result = await leaveReview(user.id, String(appointmentId), parsed.data);
  if (result.kind !== "done") return { status: "error", formError: reviewMessage(result) };
  // The form gives way to the review: the page says « Merci » beside it (?avis=<the visit>).
  revalidatePath("/patient");
  redirect(`/patient?${new URLSearchParams({ avis: String(appointmentId) })}#avis-${String(appointmentId)}`);
}
