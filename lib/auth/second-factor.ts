import "server-only";
import type { Role, Session } from "@/db/schema";
import { openSession } from "./sessions";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { accountBlockedEmail, signInCodeEmail } from "@/lib/email/templates";
import type { RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log";
import { recordEmailCodeRequest, recordFailedCode, resetCountersIfActive } from "./attempt-counter";
import { acceptTotp } from "@/lib/twofactor/authenticator";
import type { secondFactorSchema } from "@/lib/twofactor/code-format";
import { consumeEmailCode, issueEmailCode } from "@/lib/twofactor/email-code";
import { CODE_ATTEMPTS } from "@/lib/twofactor/limits";
import { consumePendingStep, currentPendingStep, type PendingStep } from "@/lib/twofactor/pending-step";
import { consumeRecoveryCode } from "@/lib/twofactor/recovery-codes";
import type { z } from "zod";

/** Thrown inside the transaction to undo it: the account was blocked, or the step used, meanwhile. */
class StepRefused extends Error {
  constructor(readonly kind: "blocked" | "expired") {
    super(kind);
  }
}

export type SecondFactorResult =
  | { kind: "signed-in"; session: Session; portal: Role; role: Role }
  | { kind: "wrong-code"; remaining: number }
  /** A valid authenticator code already used (a replay): refused, but not counted. */
  | { kind: "used-code"; remaining: number }
  | { kind: "blocked" }
  | { kind: "expired" };

/** The blocking request tells the user by email; the others only see the blocked page. */
async function afterBlock(step: PendingStep, justBlocked: boolean, ctx: RequestContext) {
  if (!justBlocked) return;
  logger.warn({ requestId: ctx.requestId, userId: step.user.id, ip: ctx.ip }, "account blocked after second-factor failures");
  await sendEmail(step.user.email, accountBlockedEmail());
}

/**
 * Checks the second factor of the browser's pending sign-in. A right code opens the session in
 * the same transaction that uses up the code, the pending step and resets the counters; a wrong one
 * counts against the account. `input` is already validated (malformed codes never get here).
 *
 * An authenticator code that is valid but whose time step was already accepted (the user just
 * signed in on another device within the same 30 s) is refused — a TOTP code opens one session
 * only — but NOT counted (docs/decisions/0006). A replay proves the code was known, so refusing it
 * without counting gives a guesser nothing, and a random guess lands on an already-used code with
 * a probability of about 1e-6 per try; counting it would only punish a real user signing in twice
 * within 30 s. The once-only check stays in the transaction below (acceptTotp's conditional
 * UPDATE), so two sign-ins can never both use one code.
 */
export async function verifySecondFactor(input: z.output<typeof secondFactorSchema>, ctx: RequestContext): Promise<SecondFactorResult> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "verify") return { kind: "expired" };
  if (step.user.status !== "active") return { kind: "blocked" };
  const userId = step.user.id;

  const outcome = await getDb()
    .transaction(async (tx) => {
      let accepted: boolean;
      let replayedTotp = false;
      if (input.method === "recovery") {
        accepted = await consumeRecoveryCode(tx, userId, input.code);
      } else {
        const totp = await acceptTotp(tx, userId, input.code);
        // A used TOTP code may still be the live emailed code (both are 6 digits): it is still accepted.
        accepted = totp === "accepted" || (await consumeEmailCode(tx, userId, input.code));
        replayedTotp = totp === "used";
      }
      if (!accepted) return replayedTotp ? ("used" as const) : ("wrong" as const);
      if (!(await resetCountersIfActive(tx, userId))) throw new StepRefused("blocked");
      if (!(await consumePendingStep(tx, step.id))) throw new StepRefused("expired");
      return openSession(tx, step.user, ctx.ip, ctx.userAgent);
    })
    .catch((error: unknown) => {
      if (error instanceof StepRefused) return error.kind;
      throw error;
    });

  if (outcome === "expired") return { kind: "expired" };
  if (outcome === "blocked") return { kind: "blocked" };
  if (outcome === "used") {
    // Nothing counted: the attempts left are those the pending step was read with.
    logger.info({ requestId: ctx.requestId, userId }, "replayed authenticator code refused, not counted");
    return { kind: "used-code", remaining: CODE_ATTEMPTS - step.user.failedCodeAttempts };
  }
  if (outcome !== "wrong") {
    logger.info({ requestId: ctx.requestId, userId, sessionId: outcome.id, method: input.method }, "second factor accepted");
    return { kind: "signed-in", session: outcome, portal: step.portal, role: step.user.role };
  }

  const counted = await recordFailedCode(userId);
  if (counted.kind === "blocked") {
    await afterBlock(step, counted.justBlocked, ctx);
    return { kind: "blocked" };
  }
  logger.info({ requestId: ctx.requestId, userId, remaining: counted.remaining }, "wrong second-factor code");
  return { kind: "wrong-code", remaining: counted.remaining };
}

export type EmailCodeResult = { kind: "sent"; remainingRequests: number } | { kind: "blocked" } | { kind: "expired" };

/** « Envoyer le code à usage unique »: counts the request, then emails a fresh code unless it blocked. */
export async function requestEmailCode(ctx: RequestContext): Promise<EmailCodeResult> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "verify") return { kind: "expired" };
  if (step.user.status !== "active") return { kind: "blocked" };
  const counted = await recordEmailCodeRequest(step.user.id);
  if (counted.kind === "blocked") {
    await afterBlock(step, counted.justBlocked, ctx);
    return { kind: "blocked" };
  }
  const code = await issueEmailCode(step.user.id);
  await sendEmail(step.user.email, signInCodeEmail(code));
  return { kind: "sent", remainingRequests: counted.remaining };
}
