"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireDoctor } from "@/lib/auth/guards";
import { confirmPassword, PASSWORD_CHECK_MESSAGE } from "@/lib/auth/reauthenticate";
import { startEsanteLink, unlinkEsante } from "@/lib/esante/link";
import { ESANTE_OUTCOMES } from "@/lib/esante/outcomes";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { requestEmailChange } from "@/lib/profile/email-change";
import { saveBankDetails, savePayconiqMerchantId, saveProfileDetails, setShownOnDocuments } from "@/lib/profile/profile";
import {
  bankSchema,
  displayToggleSchema,
  emailChangeSchema,
  payconiqSchema,
  PROFILE_DETAIL_FIELDS,
  profileDetailsSchema,
} from "@/lib/profile/schema";
import { deleteSignature } from "@/lib/signature/signature";

// Every write on the profile is the doctor's own: requireDoctor() sends a secretary or a patient
// away before anything is read from the form, and the doctor is the session's, never the form's.

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const done = (message: string): FormState => {
  revalidatePath("/profile");
  return { status: "success", message };
};

export async function saveDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = profileDetailsSchema.safeParse(Object.fromEntries(PROFILE_DETAIL_FIELDS.map((f) => [f, text(formData, f)])));
  if (!parsed.success) return invalid(parsed.error);
  await saveProfileDetails(doctor, parsed.data);
  return done("Coordonnées enregistrées.");
}

export async function requestEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = emailChangeSchema.safeParse({ newEmail: text(formData, "newEmail"), password: text(formData, "password") });
  if (!parsed.success) return invalid(parsed.error);
  const check = await confirmPassword(doctor, parsed.data.password, await requestContext());
  if (check !== "ok") return { status: "error", fieldErrors: { password: PASSWORD_CHECK_MESSAGE[check] } };
  switch (await requestEmailChange(doctor, parsed.data.newEmail)) {
    case "same":
      return { status: "error", fieldErrors: { newEmail: "C'est déjà l'adresse de votre compte." } };
    case "taken":
      return { status: "error", fieldErrors: { newEmail: "Cette adresse est déjà celle d'un autre compte Doctipro." } };
    case "too-many":
      return { status: "error", formError: "Trop de demandes de changement d'adresse. Réessayez dans une heure." };
    case "sent":
      return {
        status: "success",
        message: `Un lien de confirmation a été envoyé à ${parsed.data.newEmail}. Votre adresse actuelle reste celle du compte jusqu'à ce que vous le suiviez.`,
      };
  }
}

export async function saveBankAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = bankSchema.safeParse({ iban: text(formData, "iban"), ibanHolder: text(formData, "ibanHolder") });
  if (!parsed.success) return invalid(parsed.error);
  await saveBankDetails(doctor, parsed.data);
  return done(parsed.data.iban ? "Coordonnées bancaires enregistrées." : "Coordonnées bancaires supprimées.");
}

export async function savePayconiqAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = payconiqSchema.safeParse({ payconiqMerchantId: text(formData, "payconiqMerchantId") });
  if (!parsed.success) return invalid(parsed.error);
  await savePayconiqMerchantId(doctor, parsed.data.payconiqMerchantId);
  return done(parsed.data.payconiqMerchantId ? "ID Marchand Payconiq enregistré." : "ID Marchand Payconiq supprimé.");
}

export async function setShownOnDocumentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  const parsed = displayToggleSchema.safeParse({ what: text(formData, "what"), show: text(formData, "show") });
  if (!parsed.success) return { status: "error", formError: "Choix non valide." };
  await setShownOnDocuments(doctor, parsed.data.what, parsed.data.show);
  const what = parsed.data.what === "stamp" ? "Le cachet" : "La signature";
  return done(parsed.data.show ? `${what} figurera sur vos documents.` : `${what} ne figurera plus sur vos documents.`);
}

export async function deleteSignatureAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  if (!(await deleteSignature(doctor))) return { status: "error", formError: "Aucune signature à supprimer." };
  return done("Signature supprimée.");
}

export async function startEsanteLinkAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const access = await requireDoctor();
  const start = await startEsanteLink(access);
  switch (start.kind) {
    case "redirect":
      redirect(start.url);
    case "not-configured":
      return { status: "error", formError: ESANTE_OUTCOMES["non-configure"].text };
    case "unavailable":
      return { status: "error", formError: ESANTE_OUTCOMES.indisponible.text };
    case "already-linked":
      return { status: "error", formError: "Votre compte est déjà connecté à eSanté." };
  }
}

export async function unlinkEsanteAction(_previous: FormState, _formData: FormData): Promise<FormState> {
  const { doctor } = await requireDoctor();
  if (!(await unlinkEsante(doctor.id))) return { status: "error", formError: "Votre compte n'était pas connecté à eSanté." };
  return done("Votre compte n'est plus connecté à eSanté.");
}
