"use server";

import { redirect } from "next/navigation";
import { issueSessionCookie } from "@/lib/auth/next-auth";
import { HOME_PATH } from "@/lib/auth/roles";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { secondFactorSchema } from "@/lib/twofactor/code-format";
import { clearPendingCookie } from "@/lib/twofactor/pending-step";
import type { BlockReason } from "@/lib/auth/attempt-counter";
import { requestEmailCode, verifySecondFactor } from "@/lib/auth/second-factor";
import { SIGN_IN_CODE_REPLAYED, signInCodeRefused } from "@/lib/twofactor/messages";

export type CodeFormData = { remaining?: number; remainingRequests?: number };

/** The blocked page says what happened (0037). */
const blockedPath = (reason: BlockReason | undefined) => (reason === "email-codes" ? "/connexion/bloque?motif=courriel" : "/connexion/bloque");

const EXPIRED: FormState<CodeFormData> = {
  status: "error",
  formError: "Votre demande de connexion a expiré ou a déjà servi. Recommencez depuis la page de connexion.",
};

/** « Vérifier le code »: a TOTP, emailed or recovery code for the browser's pending sign-in. */
export async function verifyCodeAction(_previous: FormState<CodeFormData>, formData: FormData): Promise<FormState<CodeFormData>> {
  const parsed = secondFactorSchema.safeParse({ method: formData.get("method"), code: formData.get("code") });
  if (!parsed.success) return invalid(parsed.error, ["method"]);
  const result = await verifySecondFactor(parsed.data, await requestContext());
  switch (result.kind) {
    case "signed-in":
      await clearPendingCookie();
      await issueSessionCookie(result.session, result.role);
      redirect(HOME_PATH[result.portal]);
    case "blocked":
      await clearPendingCookie();
      redirect(blockedPath(result.reason));
    case "expired":
      return EXPIRED;
    case "wrong-code":
      return {
        status: "error",
        fieldErrors: { code: signInCodeRefused(parsed.data.method) },
        data: { remaining: result.remaining },
      };
    case "used-code":
      // A replayed authenticator code: refused, not counted (lib/auth/second-factor.ts).
      return {
        status: "error",
        fieldErrors: { code: SIGN_IN_CODE_REPLAYED },
        data: { remaining: result.remaining },
      };
  }
}

/** « Envoyer le code à usage unique à : … » */
export async function requestEmailCodeAction(_previous: FormState<CodeFormData>): Promise<FormState<CodeFormData>> {
  const result = await requestEmailCode(await requestContext());
  switch (result.kind) {
    case "blocked":
      await clearPendingCookie();
      redirect(blockedPath(result.reason));
    case "expired":
      return EXPIRED;
    case "sent":
      return {
        status: "success",
        message: result.last
          ? "Un dernier code à usage unique vient de vous être envoyé par courriel. Il est valable 10 minutes. Attention : c'est le dernier code que vous pouvez demander ; si ce code est erroné, s'il expire sans avoir servi ou si vous en demandez un autre, votre compte sera bloqué."
          : "Un code à usage unique vient de vous être envoyé par courriel. Il est valable 10 minutes.",
        data: { remainingRequests: result.remainingRequests },
      };
  }
}
