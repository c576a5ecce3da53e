import "server-only";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import type { FormState } from "@/lib/forms/form-state";
import { clearPendingCookie } from "@/lib/twofactor/pending-step";
import { emailCodeSent, SIGN_IN_CODE_REPLAYED, signInCodeRefused } from "@/lib/twofactor/messages";
import type { BlockReason } from "./attempt-counter";
import { issueSessionCookie } from "./next-auth";
import type { EmailCodeResult, SecondFactorResult } from "./second-factor";

// The second step of a sign-in, answered the same way wherever it is asked: on /connexion/2fa and
// inside the booking flow (/rdv/<slug>/reserver). Only where a right code leads and what an
// expired step says differ; the refusals, the block and the emailed code are the same.

/** What the code form keeps between answers: the attempts and code requests left. */
export type CodeFormData = { remaining?: number; remainingRequests?: number };

export type SecondFactorStep = {
  /** Where the new session goes. */
  signedIn: (portal: Role) => string;
  /** What the form says when the pending sign-in has expired or already served. */
  expired: string;
};

/** The blocked page says what happened (docs/decisions/0037). */
const blockedPath = (reason: BlockReason | undefined) => (reason === "email-codes" ? "/connexion/bloque?motif=courriel" : "/connexion/bloque");

/** « Vérifier le code »: a right code opens the session and leaves; a block leaves for the blocked page. */
export async function secondFactorAnswer(result: SecondFactorResult, method: string, step: SecondFactorStep): Promise<FormState<CodeFormData>> {
  switch (result.kind) {
    case "signed-in":
      await clearPendingCookie();
      await issueSessionCookie(result.session, result.role);
      redirect(step.signedIn(result.portal));
    case "blocked":
      await clearPendingCookie();
      redirect(blockedPath(result.reason));
    case "expired":
      return { status: "error", formError: step.expired };
    case "wrong-code":
      return { status: "error", fieldErrors: { code: signInCodeRefused(method) }, data: { remaining: result.remaining } };
    case "used-code":
      // A replayed authenticator code: refused, not counted (lib/auth/second-factor.ts).
      return { status: "error", fieldErrors: { code: SIGN_IN_CODE_REPLAYED }, data: { remaining: result.remaining } };
  }
}

/** « Envoyer le code à usage unique à : … »; `expired` as in SecondFactorStep. */
export async function emailCodeAnswer(result: EmailCodeResult, expired: string): Promise<FormState<CodeFormData>> {
  switch (result.kind) {
    case "blocked":
      await clearPendingCookie();
      redirect(blockedPath(result.reason));
    case "expired":
      return { status: "error", formError: expired };
    case "sent":
      return { status: "success", message: emailCodeSent(result.last), data: { remainingRequests: result.remainingRequests } };
  }
}
