"use server";

import { HOME_PATH } from "@/lib/auth/roles";
import { requestEmailCode, verifySecondFactor } from "@/lib/auth/second-factor";
import { emailCodeAnswer, secondFactorAnswer, type CodeFormData, type SecondFactorStep } from "@/lib/auth/second-factor-answer";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { secondFactorSchema } from "@/lib/twofactor/code-format";
import { SIGN_IN_STEP_EXPIRED } from "@/lib/twofactor/messages";

/** A right code leads to the role's home. */
const STEP: SecondFactorStep = { signedIn: (portal) => HOME_PATH[portal], expired: SIGN_IN_STEP_EXPIRED };

/** « Vérifier le code »: a TOTP, emailed or recovery code for the browser's pending sign-in. */
export async function verifyCodeAction(_previous: FormState<CodeFormData>, formData: FormData): Promise<FormState<CodeFormData>> {
  const parsed = secondFactorSchema.safeParse({ method: formData.get("method"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error, ["method"]);
  return secondFactorAnswer(await verifySecondFactor(parsed.data, await requestContext()), parsed.data.method, STEP);
}

/** « Envoyer le code à usage unique à : … » */
export async function requestEmailCodeAction(_previous: FormState<CodeFormData>): Promise<FormState<CodeFormData>> {
  return emailCodeAnswer(await requestEmailCode(await requestContext()), STEP.expired);
}
