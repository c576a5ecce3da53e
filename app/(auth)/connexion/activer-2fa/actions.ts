"use server";

import { redirect } from "next/navigation";
import type { EnrolmentData } from "@/components/twofactor/enrolment-panel";
import { issueSessionCookie } from "@/lib/auth/next-auth";
import { HOME_PATH } from "@/lib/auth/roles";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { ENROLMENT_CODE_REFUSED, TWO_FACTOR_MESSAGE } from "@/lib/twofactor/messages";
import { authenticatorCodeSchema } from "@/lib/twofactor/schema";
import { completeEnrolledSignIn, enrolAtSignIn } from "@/lib/auth/enrol-at-sign-in";
import { clearPendingCookie } from "@/lib/twofactor/pending-step";

/** Enrolment required before the first session (support): a valid code activates 2FA. */
export async function enrolAtSignInAction(_previous: FormState<EnrolmentData>, formData: FormData): Promise<FormState<EnrolmentData>> {
  const parsed = authenticatorCodeSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error);
  const result = await enrolAtSignIn(parsed.data.code);
  if (result.kind === "wrong-code") return { status: "error", fieldErrors: { code: ENROLMENT_CODE_REFUSED } };
  if (result.kind === "expired") return { status: "error", formError: TWO_FACTOR_MESSAGE.signInExpired };
  return { status: "success", data: { recoveryCodes: result.recoveryCodes } };
}

/** « J'ai conservé mes codes, continuer »: the session opens. */
export async function finishEnrolmentAction(): Promise<void> {
  const done = await completeEnrolledSignIn(await requestContext());
  await clearPendingCookie();
  if (!done) redirect("/connexion/2fa");
  await issueSessionCookie(done.session, done.role);
  redirect(HOME_PATH[done.portal]);
}
