import "server-only";
import { eq, sql } from "drizzle-orm";
import { after } from "next/server";
import { users } from "@/db/schema";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/email/send";
import { passwordChangedEmail, passwordResetEmail } from "@/lib/email/templates";
import { clientNetwork } from "@/lib/http/client-ip";
import type { RequestContext } from "@/lib/http/request-context";
import { logger } from "@/lib/log";
import { takeToken } from "@/lib/rate-limit/fixed-window";
import { voidPendingSteps } from "@/lib/twofactor/pending-step";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { findLinkTarget, issueLink, useLink, type LinkTarget } from "./one-time-link";
import { hashPassword } from "./password-hash";
import { passwordProblem } from "./password-policy";
import type { Role } from "./roles";
import { revokeAllSessions } from "./sessions";

const TOKEN_MINUTES = 60;

/**
 * How often a reset link may be asked for. Counted per address AND client network, so a stranger
 * asking for someone's address from their own network uses up only their own share: the owner,
 * asking from theirs, still gets a link. Per network across addresses, so a flood from one source
 * gets nothing. Per address across networks, by the day: what one mailbox can be sent at most.
 */
export const RESET_LIMITS = { perAddressAndNetwork: 3, perNetwork: 10, windowSeconds: 3600, perAddressPerDay: 10 };
const DAY_SECONDS = 24 * 3600;

export type ResetRequestResult = { kind: "done" } | { kind: "too-many-requests" } | { kind: "daily-limit" };

/**
 * « Mot de passe oublié ? ». Answers the same, in the same time, whether the address has an
 * account or not: the lookup and the email happen after the response is sent, and every limit
 * counts the address whether it exists or not. A request refused by its network's limits does not
 * count against the address's day, so a flood from one source cannot use the owner's day up.
 */
export async function requestPasswordReset(email: string, ctx: RequestContext): Promise<ResetRequestResult> {
  const network = clientNetwork(ctx.ip);
  const { perAddressAndNetwork, perNetwork, windowSeconds, perAddressPerDay } = RESET_LIMITS;
  if (!(await takeToken(`reset:network:${network}`, perNetwork, windowSeconds))) return { kind: "too-many-requests" };
  if (!(await takeToken(`reset:address-network:${email}:${network}`, perAddressAndNetwork, windowSeconds))) return { kind: "too-many-requests" };
  if (!(await takeToken(`reset:address-day:${email}`, perAddressPerDay, DAY_SECONDS))) return { kind: "daily-limit" };
  after(async () => {
    try {
      await sendResetLink(email);
    } catch (error) {
      logger.error({ requestId: ctx.requestId, err: error instanceof Error ? error.message : "unknown" }, "reset link not sent");
    }
  });
  return { kind: "done" };
}

async function sendResetLink(email: string): Promise<void> {
  const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) return;
  const token = await getDb().transaction((tx) => issueLink(tx, user.id, "password_reset", TOKEN_MINUTES));
  await sendEmail(email, passwordResetEmail(token));
}

/** The account a reset link is for, if the link is still valid (unused, under an hour old). */
export function findResetTarget(token: string): Promise<LinkTarget | null> {
  return findLinkTarget(getDb(), token, "password_reset");
}

export type ResetResult = { kind: "done"; role: Role } | { kind: "invalid-link" } | { kind: "weak"; message: string };

/**
 * Sets the new password, uses the link up and ends every session and pending sign-in, in one
 * transaction. Two-factor and a block stay as they are: a reset never opens the account.
 */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const target = await findResetTarget(token);
  if (!target) return { kind: "invalid-link" };
  const problem = passwordProblem(newPassword, [target.email, target.firstName, target.lastName]);
  if (problem) return { kind: "weak", message: problem };
  const passwordHash = await hashPassword(newPassword);
  const done = await getDb().transaction(async (tx) => {
    if (!(await useLink(tx, token, "password_reset"))) return false;
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, target.userId));
    await revokeAllSessions(target.userId, "mot de passe réinitialisé", tx);
    await voidPendingSteps(tx, target.userId);
    await voidMailedCodes(tx, target.userId);
    return true;
  });
  if (!done) return { kind: "invalid-link" };
  await sendEmail(target.email, passwordChangedEmail());
  return { kind: "done", role: target.role };
}
