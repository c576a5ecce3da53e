import "server-only";
import type { Role, Session } from "@/db/schema";
import { openSession } from "./sessions";
import { getDb, type Database } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { accountBlockedEmail, signInCodeEmail } from "@/lib/email/templates";
import type { RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log";
import { attemptCode, recordEmailCodeRequest, type BlockReason, type CodeCheck } from "./attempt-counter";
import { acceptTotp } from "@/lib/twofactor/authenticator";
import type { secondFactorSchema } from "@/lib/twofactor/code-format";
import { consumeEmailCode, issueEmailCode } from "@/lib/twofactor/email-code";
import { consumePendingStep, currentPendingStep, pendingStepLive, type PendingStep } from "@/lib/twofactor/pending-step";
import { consumeRecoveryCode } from "@/lib/twofactor/recovery-codes";
import type { z } from "zod";

/** Thrown inside the transaction to undo it: the pending step was used meanwhile. */
class StepRefused extends Error {
  constructor(readonly kind: "expired") {
    super(kind);
  }
}

export type SecondFactorResult =
  | { kind: "signed-in"; session: Session; portal: Role; role: Role }
  | { kind: "wrong-code"; remaining: number }
  /** A valid authenticator code already used (a replay): refused, but not counted. */
  | { kind: "used-code"; remaining: number }
  | { kind: "blocked"; reason?: BlockReason }
  | { kind: "expired" };

/** The blocking request tells the user by email; the others only see the blocked page. */
async function afterBlock(step: PendingStep, justBlocked: boolean, reason: BlockReason | undefined, ctx: RequestContext) {
  if (!justBlocked) return;
  logger.warn({ requestId: ctx.requestId, userId: step.user.id, ip: ctx.ip, reason }, "account blocked after second-factor failures");
  await sendEmail(step.user.email, accountBlockedEmail(reason ?? "wrong-codes"));
}

/**
 * Checks the second factor of the browser's pending sign-in. The attempt is taken before the code
 * is compared (attemptCode, docs/decisions/0036): no more than three codes are compared per block
 * under any concurrency. A right code opens the session in the same transaction that uses up the
 * code and the pending step and resets the counters; a wrong one keeps its attempt. `input` is
 * already validated (malformed codes never get here).
 *
 * An authenticator code that is valid but whose time step was already accepted (the user just
 * signed in on another device within the same 30 s) is refused — a TOTP code opens one session
 * only — and its attempt is given back: a replay proves the code was known, so it is not a guess.
 * The once-only check stays in the transaction (acceptTotp's conditional UPDATE), so two sign-ins
 * can never both use one code.
 */
export async function verifySecondFactor(input: z.output<typeof secondFactorSchema>, ctx: RequestContext): Promise<SecondFactorResult> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "verify") return { kind: "expired" };
  if (step.user.status !== "active") return { kind: "blocked" };
  const userId = step.user.id;

  const compare = async (tx: Database): Promise<CodeCheck> => {
    if (input.method === "recovery") return (await consumeRecoveryCode(tx, userId, input.code)) ? "accepted" : "wrong";
    const totp = await acceptTotp(tx, userId, input.code);
    // A used TOTP code may still be the live emailed code (both are 6 digits): it is still accepted.
    if (totp === "accepted" || (await consumeEmailCode(tx, userId, input.code))) return "accepted";
    return totp === "used" ? "used" : "wrong";
  };
  const open = async (tx: Database) => {
    if (!(await consumePendingStep(tx, step.id))) throw new StepRefused("expired");
    return openSession(tx, step.user, ctx.ip, ctx.userAgent);
  };

  const outcome = await attemptCode(getDb(), userId, compare, open, {
    lastEmailCodeCounts: input.method === "code",
    stillLive: (tx) => pendingStepLive(tx, step.id),
  }).catch((error: unknown) => {
    if (error instanceof StepRefused) return { kind: error.kind } as const;
    throw error;
  });

  switch (outcome.kind) {
    case "expired":
      return { kind: "expired" };
    case "blocked":
      await afterBlock(step, outcome.justBlocked, outcome.reason, ctx);
      return { kind: "blocked", reason: outcome.reason };
    case "used":
      logger.info({ requestId: ctx.requestId, userId }, "replayed authenticator code refused, its attempt given back");
      return { kind: "used-code", remaining: outcome.remaining };
    case "wrong":
      logger.info({ requestId: ctx.requestId, userId, remaining: outcome.remaining }, "wrong second-factor code");
      return { kind: "wrong-code", remaining: outcome.remaining };
    case "accepted":
      logger.info({ requestId: ctx.requestId, userId, sessionId: outcome.value.id, method: input.method }, "second factor accepted");
      return { kind: "signed-in", session: outcome.value, portal: step.portal, role: step.user.role };
  }
}

export type EmailCodeResult =
  /** `last`: this was the third and last code; the email and the page say so. */
  { kind: "sent"; remainingRequests: number; last: boolean } | { kind: "blocked"; reason?: BlockReason } | { kind: "expired" };

/**
 * « Envoyer le code à usage unique »: counts the request and emails a fresh code. The guide's
 * rule (0037): the third request still sends a code, with a warning that it is the last; a
 * fourth request blocks the account.
 */
export async function requestEmailCode(ctx: RequestContext): Promise<EmailCodeResult> {
  const step = await currentPendingStep();
  if (!step || step.kind !== "verify") return { kind: "expired" };
  if (step.user.status !== "active") return { kind: "blocked" };
  const counted = await recordEmailCodeRequest(step.user.id);
  if (counted.kind === "blocked") {
    await afterBlock(step, counted.justBlocked, counted.reason, ctx);
    return { kind: "blocked", reason: counted.reason };
  }
  const last = counted.remaining === 0;
  const code = await issueEmailCode(step.user.id);
  await sendEmail(step.user.email, signInCodeEmail(code, { last }));
  return { kind: "sent", remainingRequests: counted.remaining, last };
}
