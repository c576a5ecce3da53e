import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { secretaryDoctors, sessions, users } from "@/db/schema";
import { recordConnection } from "@/lib/audit/connection-log";
import { writeAudit } from "@/lib/audit/support-log";
import type { LiveSession } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/http/request-context";
import { getDb } from "@/lib/db";
import { detach } from "./links";

export type StartWorkingResult = { kind: "working" } | { kind: "not-her-doctor" };
export type DetachResult = { kind: "detached" } | { kind: "not-attached" };

export type AttachedDoctor = { id: string; title: string | null; firstName: string; lastName: string; specialty: string | null };

/** The active doctors a secretary is attached to, by name. */
export async function listAttachedDoctors(secretaryId: string): Promise<AttachedDoctor[]> {
  return getDb()
    .select({ id: users.id, title: users.title, firstName: users.firstName, lastName: users.lastName, specialty: users.specialty })
    .from(secretaryDoctors)
    .innerJoin(users, eq(users.id, secretaryDoctors.doctorId))
    .where(and(eq(secretaryDoctors.secretaryId, secretaryId), eq(users.status, "active")))
    .orderBy(asc(users.lastName), asc(users.firstName));
}

/**
 * The secretary's session starts working for one of her doctors: the session remembers the doctor
 * and the doctor's history gets a "via secrétariat" row, in one transaction. Refused (nothing
 * changes) when she is not attached to that doctor.
 */
export async function startWorkingFor(live: LiveSession, doctorId: string, ctx: RequestContext): Promise<StartWorkingResult> {
  const attached = await listAttachedDoctors(live.user.id);
  if (!attached.some((d) => d.id === doctorId)) return { kind: "not-her-doctor" };
  await getDb().transaction(async (tx) => {
    await tx.update(sessions).set({ actingForDoctorId: doctorId }).where(eq(sessions.id, live.session.id));
    await recordConnection(tx, {
      accountId: doctorId,
      actorId: live.user.id,
      mode: "secretary",
      sessionId: live.session.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
  });
  return { kind: "working" };
}

/**
 * A doctor detaches one of their secretaries: the link goes, her sessions working for this doctor
 * end, and the audit log records it, in one transaction. Refused when she was not attached.
 */
export async function detachFromDoctor(doctor: { id: string; email: string }, secretaryId: string, ctx: RequestContext): Promise<DetachResult> {
  return getDb().transaction(async (tx) => {
    if (!(await detach(tx, secretaryId, doctor.id))) return { kind: "not-attached" } as const;
    const [secretary] = await tx.select({ email: users.email }).from(users).where(eq(users.id, secretaryId));
    await writeAudit(
      tx,
      { userId: doctor.id, label: doctor.email, ip: ctx.ip },
      {
        action: "secretary.detach",
        targetUserId: secretaryId,
        targetLabel: secretary?.email ?? null,
        reason: "Détachée par le médecin",
        details: { doctor: doctor.email },
      },
    );
    return { kind: "detached" } as const;
  });
}

/** The secretaries attached to a doctor. */
export async function listAttachedSecretaries(doctorId: string) {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      since: secretaryDoctors.createdAt,
    })
    .from(secretaryDoctors)
    .innerJoin(users, eq(users.id, secretaryDoctors.secretaryId))
    .where(eq(secretaryDoctors.doctorId, doctorId))
    .orderBy(asc(users.lastName));
}
