"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePatient } from "@/lib/auth/guards";
import { rescheduleAsPatient } from "@/lib/booking/patient-reschedule";
import type { FormState } from "@/lib/forms/form-state";
import { PICK_OFFERED_TIME, rescheduleMessage } from "@/lib/patient-space/messages";

/** « Déplacer »: the chosen free time; the appointment is looked up with the signed-in account. */
export async function rescheduleAction(appointmentId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requirePatient();
  const raw = formData.get("debut");
  const startsAt = typeof raw === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(raw) ? new Date(raw) : null;
  if (!startsAt || Number.isNaN(startsAt.getTime())) return { status: "error", formError: PICK_OFFERED_TIME };
  const result = await rescheduleAsPatient({ userId: user.id, appointmentId: String(appointmentId), startsAt });
  if (result.kind !== "moved") {
    // The free times shown are refreshed: the one just lost disappears.
    revalidatePath(`/patient/rendez-vous/${appointmentId}/deplacer`);
    return { status: "error", formError: rescheduleMessage(result) };
  }
  revalidatePath("/patient");
  redirect("/patient?deplace=1");
}
