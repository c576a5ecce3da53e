"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireDoctor } from "@/lib/auth/guards";
import { confirmPassword } from "@/lib/auth/reauthenticate";
import { passwordCheckRefused } from "@/lib/auth/security-messages";
import { startEsanteLink, unlinkEsante } from "@/lib/esante/link";
import { esanteStartRefusal, esanteUnlinkAnswer } from "@/lib/esante/outcomes";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { requestEmailChange } from "@/lib/profile/email-change";
import { emailChangeRequestAnswer, PROFILE_SAVED } from "@/lib/profile/messages";
import { saveBankDetails, savePayconiqMerchantId, saveProfileDetails, setShownOnDocuments } from "@/lib/profile/profile";
import {
  bankSchema,
  displayToggleSchema,
  emailChangeSchema,
  payconiqSchema,
  PROFILE_DETAIL_FIELDS,
  profileDetailsSchema,
} from "@/lib/profile/schema";
import { deleteSignatureAnswer } from "@/lib/signature/messages";
import { deleteSignature } from "@/lib/signature/signature";

// Every write on the profile is the doctor's own: requireDoctor() sends a secretary or a patient
// away before anything is read from the form, and the doctor is the session's, never the form's.

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The page shows what was saved: a success redraws it. */
const answered = (state: FormState): FormState => {
  if (state.status === "success") revalidatePath("/profile");
  return state;
};
const done = (message: string) => answered({ status: "success", message });

export async function saveDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = profileDetailsSchema.safeParse(Object.fromEntries(PROFILE_DETAIL_FIELDS.map((f) => [f, text(formData, f)])));
  if (!parsed.success) return invalid(parsed.error);
  await saveProfileDetails(doctor, parsed.data);
  return done(PROFILE_SAVED.details);
}

export async function requestEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = emailChangeSchema.safeParse({ newEmail: text(formData, "newEmail"), password: text(formData, "password") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(doctor, parsed.data.password, await requestContext());
  if (check.kind !== "ok") return passwordCheckRefused(check);
  return emailChangeRequestAnswer(await requestEmailChange(doctor, parsed.data.newEmail));
}

export async function saveBankAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = bankSchema.safeParse({ iban: text(formData, "iban"), ibanHolder: text(formData, "ibanHolder") });
  if (!parsed.success) return invalid(parsed.error);
  await saveBankDetails(doctor, parsed.data);
  return done(PROFILE_SAVED.bank(Boolean(parsed.data.iban)));
}

export async function savePayconiqAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = payconiqSchema.safeParse({ payconiqMerchantId: text(formData, "payconiqMerchantId") });
  if (!parsed.success) return invalid(parsed.error);
  await savePayconiqMerchantId(doctor, parsed.data.payconiqMerchantId);
  return done(PROFILE_SAVED.payconiq(Boolean(parsed.data.payconiqMerchantId)));
}

export async function setShownOnDocumentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = displayToggleSchema.safeParse({ what: text(formData, "what"), show: text(formData, "show") });
  if (!parsed.success) return invalid(parsed.error, ["what", "show"]);
  await setShownOnDocuments(doctor, parsed.data.what, parsed.data.show);
  return done(PROFILE_SAVED.shownOnDocuments(parsed.data.what, parsed.data.show));
}

export async function deleteSignatureAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  return answered(deleteSignatureAnswer(await deleteSignature(doctor)));
}

export async function startEsanteLinkAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requireDoctor();
  const start = await startEsanteLink(access);
  if (start.kind === "redirect") redirect(start.url);
  return esanteStartRefusal(start);
}

export async function unlinkEsanteAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  return answered(esanteUnlinkAnswer(await unlinkEsante(doctor.id)));
}
