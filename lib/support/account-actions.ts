import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { twoFactor, users, type User } from "@/db/schema";
import { getDb, type Database } from "@/db/client";
import { writeAudit, type Actor, type AuditAction } from "@/lib/audit/support-log";
import { issueLink } from "@/lib/auth/one-time-link";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { sendEmail } from "@/lib/email/send";
import { accountBlockedBySupportEmail, accountUnblockedEmail, invitationEmail, twoFactorResetEmail, type EmailMessage } from "@/lib/email/templates";
import { attach, detach } from "@/lib/secretary/links";
import { removeTwoFactor } from "@/lib/twofactor/authenticator";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { voidPendingSteps } from "@/lib/twofactor/pending-step";
import { deleteRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import type { inviteSchema } from "./schema";

// What support does to accounts. Each action checks its target, makes the change and writes the
// audit row in one transaction, then tells the user by email. The web actions reach these through
// requireSupport(); the operators' command line (scripts/ops/user.ts) calls them with a "cli:" actor.
// Each returns { kind }: "done" with what was done, or the refusal; lib/support/messages.ts words both.

export const INVITATION_HOURS = 72;

/** What was done, with what the confirmation needs (lib/support/messages.ts words it). */
export type SupportDone =
  | { action: "user.unblock" }
  | { action: "user.block"; sessions: number }
  | { action: "user.reset-2fa"; sessions: number }
  | { action: "user.close-sessions"; sessions: number }
  | { action: "secretary.attach"; doctorEmail: string }
  | { action: "secretary.detach"; doctorEmail: string }
  | { action: "user.invite"; email: string };

export type SupportRefusal =
  | "not-support"
  | "user-not-found"
  | "not-blocked"
  | "own-account"
  | "already-blocked"
  | "last-support"
  | "own-two-factor"
  | "no-two-factor"
  | "not-a-secretary"
  | "no-such-doctor"
  | "already-attached"
  | "not-attached"
  | "email-taken";

export type ActionResult = ({ kind: "done" } & SupportDone) | { kind: SupportRefusal };

/** Thrown inside the transaction to undo it: the change is refused, nothing is written. */
class Refused extends Error {
  constructor(readonly kind: SupportRefusal) {
    super(kind);
  }
}

type Change = { target: User | null; email?: EmailMessage; details?: Record<string, string>; done: SupportDone & { action: AuditAction } };

/** Runs `change` and its audit row in one transaction; a Refused error changes nothing. */
async function run(actor: Actor, reason: string, change: (tx: Database) => Promise<Change>): Promise<ActionResult> {
  try {
    const done = await getDb().transaction(async (tx) => {
      await assertActorIsSupport(tx, actor);
      const result = await change(tx);
      await writeAudit(tx, actor, {
        action: result.done.action,
        targetUserId: result.target?.id ?? null,
        targetLabel: result.target?.email ?? null,
        reason,
        details: result.details,
      });
      return result;
    });
    if (done.email && done.target) await sendEmail(done.target.email, done.email);
    return { kind: "done", ...done.done };
  } catch (error) {
    if (error instanceof Refused) return { kind: error.kind };
    throw error;
  }
}

/** Defence in depth behind requireSupport(): a web actor must still be an active support account. */
async function assertActorIsSupport(tx: Database, actor: Actor) {
  if (!(await actorIsSupport(tx, actor))) throw new Refused("not-support");
}

/** Whether `actor` may act as support: the operators' command line, or an active support account. */
export async function actorIsSupport(db: Database, actor: Actor): Promise<boolean> {
  if (actor.userId === null) return true; // the operators' command line
  const [row] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, actor.userId));
  return row?.role === "support" && row.status === "active";
}

async function target(tx: Database, userId: string): Promise<User> {
  // FOR UPDATE: two support agents acting on one account are serialised.
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new Refused("user-not-found");
  return user;
}

export function unblockUser(actor: Actor, userId: string, reason: string) {
  return run(actor, reason, async (tx) => {
    const user = await target(tx, userId);
    if (user.status !== "blocked") throw new Refused("not-blocked");
    await tx
      .update(users)
      .set({ status: "active", blockedAt: null, failedCodeAttempts: 0, emailCodeRequests: 0, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    return { target: user, email: accountUnblockedEmail(), done: { action: "user.unblock" } };
  });
}

/**
 * « Bloquer »: the account can no longer sign in, its sessions end and its mailed codes and links
 * are voided, in one transaction with the audit row. Support never blocks itself nor the last
 * active support account (docs/decisions/0033): that would leave no one to unblock from the web.
 */
export function blockUser(actor: Actor, userId: string, reason: string) {
  return run(actor, reason, async (tx) => {
    if (actor.userId === userId) throw new Refused("own-account");
    const user = await target(tx, userId);
    if (user.status === "blocked") throw new Refused("already-blocked");
    if (user.role === "support") {
      // Every active support account is locked (FOR UPDATE) so that two agents blocking each
      // other at the same time cannot both pass this count.
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "support"), eq(users.status, "active"), ne(users.id, user.id)))
        .for("update");
      if (others.length === 0) throw new Refused("last-support");
    }
    await tx
      .update(users)
      .set({ status: "blocked", blockedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await voidMailedCodes(tx, user.id);
    const ended = await revokeAllSessions(user.id, "compte bloqué par le support", tx);
    return {
      target: user,
      email: accountBlockedBySupportEmail(),
      details: { sessions: String(ended) },
      done: { action: "user.block", sessions: ended },
    };
  });
}

export function resetUserTwoFactor(actor: Actor, userId: string, reason: string) {
  return run(actor, reason, async (tx) => {
    if (actor.userId === userId) throw new Refused("own-two-factor");
    const user = await target(tx, userId);
    const [enabled] = await tx.select({ n: count() }).from(twoFactor).where(eq(twoFactor.userId, user.id));
    if (!enabled?.n) throw new Refused("no-two-factor");
    await removeTwoFactor(tx, user.id);
    await deleteRecoveryCodes(tx, user.id);
    await voidPendingSteps(tx, user.id);
    // The sessions opened with the old factor end too, whoever holds them (the lost phone's
    // finder, say): the user signs in again and, if the role requires it (support), enrols anew
    // before reaching anything. A session left open would skip that enrolment.
    const ended = await revokeAllSessions(user.id, "2FA réinitialisée par le support", tx);
    return { target: user, email: twoFactorResetEmail(), details: { sessions: String(ended) }, done: { action: "user.reset-2fa", sessions: ended } };
  });
}

export function closeUserSessions(actor: Actor, userId: string, reason: string) {
  return run(actor, reason, async (tx) => {
    const user = await target(tx, userId);
    const ended = await revokeAllSessions(user.id, "fermée par le support", tx);
    return { target: user, details: { sessions: String(ended) }, done: { action: "user.close-sessions", sessions: ended } };
  });
}

export function attachSecretary(actor: Actor, secretaryId: string, doctorEmail: string, reason: string) {
  return run(actor, reason, async (tx) => {
    const secretary = await target(tx, secretaryId);
    if (secretary.role !== "secretary") throw new Refused("not-a-secretary");
    const [doctor] = await tx.select().from(users).where(eq(users.email, doctorEmail));
    if (!doctor || doctor.role !== "doctor") throw new Refused("no-such-doctor");
    if (!(await attach(tx, secretary.id, doctor.id))) throw new Refused("already-attached");
    return { target: secretary, details: { doctor: doctor.email }, done: { action: "secretary.attach", doctorEmail: doctor.email } };
  });
}

export function detachSecretary(actor: Actor, secretaryId: string, doctorId: string, reason: string) {
  return run(actor, reason, async (tx) => {
    const secretary = await target(tx, secretaryId);
    const [doctor] = await tx.select().from(users).where(eq(users.id, doctorId));
    if (!doctor || !(await detach(tx, secretary.id, doctor.id))) throw new Refused("not-attached");
    return { target: secretary, details: { doctor: doctor.email }, done: { action: "secretary.detach", doctorEmail: doctor.email } };
  });
}

type Invite = Omit<z.output<typeof inviteSchema>, "role" | "reason"> & { role: User["role"] };

/** Creates the account without a password and emails a link to choose one (72 h, single use). */
export function inviteUser(actor: Actor, input: Invite, reason: string) {
  return run(actor, reason, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new Refused("email-taken");
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        role: input.role,
        doctorKind: input.role === "doctor" ? (input.doctorKind ?? "medecin") : null,
        title: input.role === "doctor" ? "Dr" : null,
        firstName: input.firstName,
        lastName: input.lastName,
      })
      .returning();
    const token = await issueLink(tx, user!.id, "invitation", INVITATION_HOURS * 60);
    return {
      target: user!,
      email: invitationEmail(token, user!.firstName),
      details: { role: input.role },
      done: { action: "user.invite", email: user!.email },
    };
  });
}
