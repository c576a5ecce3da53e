import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { getDb } from "@/lib/db";
import { voidMailedCodes } from "@/lib/twofactor/one-time-codes";
import { findLinkTarget, useLink, type LinkTarget } from "./one-time-link";
import { hashPassword } from "./password-hash";
import { passwordProblem } from "./password-policy";
import type { Role } from "./roles";

/** The invited account, while the invitation is unused and under 72 hours old. */
export function findInvitation(token: string): Promise<LinkTarget | null> {
  return findLinkTarget(getDb(), token, "invitation");
}

export type AcceptResult = { kind: "done"; role: Role } | { kind: "invalid-link" } | { kind: "weak"; message: string };

/** The invited person chooses their password; support never sees or sets it. */
export async function acceptInvitation(token: string, password: string): Promise<AcceptResult> {
  const target = await findInvitation(token);
  if (!target) return { kind: "invalid-link" };
  const problem = passwordProblem(password, [target.email, target.firstName, target.lastName]);
  if (problem) return { kind: "weak", message: problem };
  const passwordHash = await hashPassword(password);
  const done = await getDb().transaction(async (tx) => {
    if (!(await useLink(tx, token, "invitation"))) return false;
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, target.userId));
    await voidMailedCodes(tx, target.userId);
    return true;
  });
  return done ? { kind: "done", role: target.role } : { kind: "invalid-link" };
}
