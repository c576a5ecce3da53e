"use server";

import { redirect } from "next/navigation";
import { requirePatient } from "@/lib/auth/guards";
import { issueSessionCookie } from "@/lib/auth/next-auth";
import { signInRefusal } from "@/lib/auth/sign-in-messages";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { requestEmailCode, verifySecondFactor } from "@/lib/auth/second-factor";
import { emailCodeAnswer, secondFactorAnswer, type CodeFormData, type SecondFactorStep } from "@/lib/auth/second-factor-answer";
import { bookOnline, type BookingPerson } from "@/lib/booking/book";
import { bookingPath } from "@/lib/booking/flow";
import {
  bookingRefusal,
  CODE_SENT,
  createAccountMessage,
  PROOF_EXPIRED,
  SIGN_IN_STEP_EXPIRED_IN_FLOW,
  STALE_BOOKING_LINK,
  signUpCheckMessage,
  signUpRequestMessage,
} from "@/lib/booking/flow-messages";
import {
  bookingChoiceSchema,
  existingAccountSchema,
  forWhomSchema,
  newAccountSchema,
  signUpCodeSchema,
  signUpEmailSchema,
} from "@/lib/booking/flow-schema";
import { isSlug } from "@/lib/booking/public-doctor";
import {
  checkSignUpCode,
  clearSignUpProof,
  createPatientAccount,
  currentSignUpProof,
  requestSignUpCode,
  setSignUpProof,
} from "@/lib/booking/sign-up";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { patientFormSchema } from "@/lib/patients/schema";
import { secondFactorSchema } from "@/lib/twofactor/code-format";
import { startPendingStep } from "@/lib/twofactor/pending-step";

// The booking flow's actions. The doctor, motif and time are bound by the page but come back from
// the browser: they are checked again here, and the way back to the flow is rebuilt from them, never
// taken as a URL. Signing in and creating the account are public (that is what they are for);
// booking itself requires a patient session.

type Choice = { slug: string; motif: string; startsAt: Date };

function choiceOf(slug: unknown, motif: unknown, debut: unknown): Choice | null {
  const parsed = bookingChoiceSchema.safeParse({ motif, debut });
  return isSlug(slug) && parsed.success ? { slug, motif: parsed.data.motif, startsAt: parsed.data.debut } : null;
}

const STALE: FormState = { status: "error", formError: STALE_BOOKING_LINK };
const back = (c: Choice, step?: string) => bookingPath(c.slug, c.motif, c.startsAt, step);

/** The account steps after the code: the choice still valid, and the address the code proved. */
async function provenChoice(slug: string, motif: string, debut: string): Promise<{ choice: Choice; email: string } | FormState> {
  const choice = choiceOf(slug, motif, debut);
  if (!choice) return STALE;
  const email = await currentSignUpProof();
  if (!email) return { status: "error", formError: PROOF_EXPIRED };
  return { choice, email };
}

/** « Recevoir un code »: the same answer for every address (lib/booking/sign-up.ts). */
export async function requestSignUpCodeAction(_previous: FormState<{ email: string }>, formData: FormData): Promise<FormState<{ email: string }>> {
  const parsed = signUpEmailSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(parsed.error);
  const result = await requestSignUpCode(parsed.data.email, await requestContext());
  if (result.kind !== "sent") return { status: "error", formError: signUpRequestMessage(result) };
  return { status: "success", message: CODE_SENT(parsed.data.email), data: { email: parsed.data.email } };
}

/** « Vérifier le code »: a right code proves the mailbox, then the page asks for the next step. */
export async function checkSignUpCodeAction(
  slug: string,
  motif: string,
  debut: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const choice = choiceOf(slug, motif, debut);
  if (!choice) return STALE;
  const parsed = signUpCodeSchema.safeParse({ email: formData.get("email"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error, ["email"]);
  const result = await checkSignUpCode(parsed.data.email, parsed.data.code, await requestContext());
  if (result.kind !== "verified") return { status: "error", fieldErrors: { code: signUpCheckMessage(result) } };
  await setSignUpProof(parsed.data.email);
  redirect(back(choice));
}

/** The proven address has an account: its password, then its second factor, as any sign-in. */
export async function existingAccountAction(
  slug: string,
  motif: string,
  debut: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const proven = await provenChoice(slug, motif, debut);
  if ("status" in proven) return proven;
  const { choice, email } = proven;
  const parsed = existingAccountSchema.safeParse({ password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error);
  const result = await signInWithPassword("patient", email, parsed.data.password, await requestContext());
  switch (result.kind) {
    case "signed-in":
      await clearSignUpProof();
      await issueSessionCookie(result.session, result.user.role);
      redirect(back(choice));
    case "second-factor":
      await clearSignUpProof();
      await startPendingStep(result.user.id, "patient", "verify");
      redirect(back(choice, "2fa"));
    case "enrol-second-factor":
      await startPendingStep(result.user.id, "patient", "enrol");
      redirect("/connexion/activer-2fa");
    default:
      return signInRefusal(result, "patient");
  }
}

/** The proven address is new: names and a password make the account, signed in at once. */
export async function newAccountAction(slug: string, motif: string, debut: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const proven = await provenChoice(slug, motif, debut);
  if ("status" in proven) return proven;
  const { choice, email } = proven;
  const parsed = newAccountSchema.safeParse({
    firstName: formData.get("firstName"),
    lastName: formData.get("lastName"),
    password: formData.get("password"),
    confirmation: formData.get("confirmation"),
  });
  if (!parsed.success) return invalid(parsed.error);
  const result = await createPatientAccount(email, parsed.data, await requestContext());
  if (result.kind === "weak-password") return { status: "error", fieldErrors: { password: createAccountMessage(result) } };
  if (result.kind === "exists") redirect(back(choice));
  await clearSignUpProof();
  await issueSessionCookie(result.session, result.user.role);
  redirect(back(choice));
}

/** A right code leads back to the flow, signed in; an expired step asks for the password again. */
const secondFactorStep = (c: Choice): SecondFactorStep => ({ signedIn: () => back(c), expired: SIGN_IN_STEP_EXPIRED_IN_FLOW });

/** The second factor of an existing account, inside the flow: the sign-in's own check and answers. */
export async function bookingSecondFactorAction(
  slug: string,
  motif: string,
  debut: string,
  _previous: FormState<CodeFormData>,
  formData: FormData,
): Promise<FormState<CodeFormData>> {
  const choice = choiceOf(slug, motif, debut);
  if (!choice) return { status: "error", formError: STALE_BOOKING_LINK };
  const parsed = secondFactorSchema.safeParse({ method: formData.get("method"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error, ["method"]);
  return secondFactorAnswer(await verifySecondFactor(parsed.data, await requestContext()), parsed.data.method, secondFactorStep(choice));
}

export async function bookingEmailCodeAction(_previous: FormState<CodeFormData>): Promise<FormState<CodeFormData>> {
  return emailCodeAnswer(await requestEmailCode(await requestContext()), SIGN_IN_STEP_EXPIRED_IN_FLOW);
}

/** « Confirmer le rendez-vous »: for the account holder or a relative, then the confirmation page. */
export async function confirmBookingAction(
  slug: string,
  doctorId: string,
  motif: string,
  debut: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const live = await requirePatient();
  const choice = choiceOf(slug, motif, debut);
  if (!choice) return STALE;
  const who = forWhomSchema.safeParse({ who: formData.get("who") });
  if (!who.success) return invalid(who.error);
  const needsFile = formData.get("needsFile") === "1";
  let person: BookingPerson;
  if (who.data.who === "moi" || who.data.who === "proche") {
    const self = who.data.who === "moi";
    let file;
    if (!self || needsFile) {
      const entries = Object.fromEntries(
        ["lastName", "firstName", "birthDate", "noMatricule", "matricule", "noMatriculeReason", "otherIdentifier", "phone"].map((k) => [
          k,
          String(formData.get(k) ?? ""),
        ]),
      );
      // The account holder's names are the account's.
      const parsed = patientFormSchema.safeParse(self ? { ...entries, firstName: live.user.firstName, lastName: live.user.lastName } : entries);
      if (!parsed.success) return invalid(parsed.error);
      file = { ...parsed.data, email: live.user.email };
    }
    person = self ? { kind: "self", file } : { kind: "new-relative", file: file! };
  } else {
    person = { kind: "relative", patientId: who.data.who };
  }
  const ctx = await requestContext();
  const result = await bookOnline(
    live.user,
    { doctorId: String(doctorId), visitReasonId: choice.motif, startsAt: choice.startsAt, person },
    { ip: ctx.ip },
  );
  if (result.kind === "done") redirect(`/rdv/${encodeURIComponent(choice.slug)}/reserver/confirme?rdv=${result.appointmentId}`);
  return bookingRefusal(result, (at) => bookingPath(choice.slug, choice.motif, at));
}
