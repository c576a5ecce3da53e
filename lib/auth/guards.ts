import "server-only";
import { and, eq } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { secretaryDoctors, users, type User } from "@/db/schema";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { auth } from "./next-auth";
import { HOME_PATH, SIGN_IN_PATH, type Role } from "./roles";
import { findLiveSession, type LiveSession } from "./sessions";

// The one place that decides who may do what. Every page, server action and route handler calls
// one of these first; proxy.ts is only a first, cheap gate (docs/decisions/0003).

const cookieSession = cache(() => auth());

/** The live session of this request, or null. Checked once per request (React cache). */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const sessionId = (await cookieSession())?.sessionId;
  return sessionId ? findLiveSession(sessionId) : null;
});

/**
 * A signed-in user of one of `roles`. Anonymous → a sign-in page: the one of the role the ended
 * session had (a secretary signed out by her doctor goes back to hers), else the first role's;
 * other roles → their home.
 */
export async function requireRole(...roles: [Role, ...Role[]]): Promise<LiveSession> {
  const live = await currentSession();
  if (!live) {
    const previous = (await cookieSession())?.role;
    redirect(SIGN_IN_PATH[previous && roles.includes(previous) ? previous : roles[0]]);
  }
  if (!roles.includes(live.user.role)) redirect(HOME_PATH[live.user.role]);
  return live;
}

export const requireSupport = () => requireRole("support");
export const requirePatient = () => requireRole("patient");
export const requireSecretary = () => requireRole("secretary");

export type PracticeAccess = LiveSession & {
  /** The doctor whose practice is being used. */
  doctor: User;
  /** "direct" for the doctor, "secretary" for a secretary working for them. */
  mode: "direct" | "secretary";
};

/**
 * Access to a doctor's practice: the doctor, or a secretary currently working for a doctor she is
 * still attached to. The doctor is always taken from the session, never from the request.
 */
export const requirePracticeAccess = cache(async (): Promise<PracticeAccess> => {
  const live = await requireRole("doctor", "secretary");
  if (live.user.role === "doctor") return { ...live, doctor: live.user, mode: "direct" };
  const doctorId = live.session.actingForDoctorId;
  if (!doctorId) redirect(HOME_PATH.secretary);
  const [row] = await getDb()
    .select({ doctor: users })
    .from(secretaryDoctors)
    .innerJoin(users, eq(users.id, secretaryDoctors.doctorId))
    .where(and(eq(secretaryDoctors.secretaryId, live.user.id), eq(secretaryDoctors.doctorId, doctorId)))
    .limit(1);
  if (!row || row.doctor.status !== "active") redirect(HOME_PATH.secretary);
  return { ...live, doctor: row.doctor, mode: "secretary" };
});

/**
 * Access to one doctor's agenda. Without `doctorId`, or with the session's own doctor: the
 * practice access above. With another doctor's id: only a secretary still attached to that active
 * doctor (her side-by-side day view) gets it, acting for that doctor; anyone else gets a 404, so a
 * doctor learns nothing of a colleague's agenda from a forged address or form.
 */
export async function requireAgendaAccess(doctorId?: string | null): Promise<PracticeAccess> {
  const access = await requirePracticeAccess();
  if (!doctorId || doctorId === access.doctor.id) return access;
  if (access.mode !== "secretary" || !isUuid(doctorId)) notFound();
  const [row] = await getDb()
    .select({ doctor: users })
    .from(secretaryDoctors)
    .innerJoin(users, eq(users.id, secretaryDoctors.doctorId))
    .where(and(eq(secretaryDoctors.secretaryId, access.user.id), eq(secretaryDoctors.doctorId, doctorId)))
    .limit(1);
  if (!row || row.doctor.status !== "active") notFound();
  return { ...access, doctor: row.doctor, mode: "secretary" };
}

/** The doctor in person: for what a secretary must never see (security, signature, bank details). */
export async function requireDoctor(): Promise<PracticeAccess> {
  const access = await requirePracticeAccess();
  if (access.mode !== "direct") redirect(HOME_PATH.doctor);
  return access;
}

/** On a sign-in page: someone already signed in with this page's role goes straight home. */
export async function redirectIfSignedIn(role: Role): Promise<void> {
  const live = await currentSession();
  if (live?.user.role === role) redirect(HOME_PATH[role]);
}
