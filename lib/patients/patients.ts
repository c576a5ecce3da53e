import "server-only";
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { patients } from "@/db/schema";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";
import { cleanSearchText, escapeLike } from "@/lib/forms/search-text";
import { containsFolded } from "@/lib/search/folded-match";

// A doctor's patient files, read for the practice pages. Every function takes the doctor the guard
// returned: a patient id from a URL is only ever looked up together with that doctor's id, so
// another doctor's patient is simply « not found ».

export type PatientSummary = Pick<typeof patients.$inferSelect, "id" | "firstName" | "lastName" | "birthDate" | "matricule">;

export const PATIENTS_PER_PAGE = 25;

/**
 * What the search box matches: every word in the name (either order, with or without its accents),
 * or the matricule's digits.
 */
function searchCondition(query: string): SQL | undefined {
  const digits = query.replace(/\s/g, "");
  if (/^\d{2,13}$/.test(digits)) return ilike(patients.matricule, `${escapeLike(digits)}%`);
  const words = query.split(/\s+/).filter(Boolean).slice(0, 4);
  if (!words.length) return undefined;
  return and(...words.map((w) => or(containsFolded(patients.lastName, w), containsFolded(patients.firstName, w))));
}

export async function searchPatients(
  doctor: { id: string },
  { query, page }: { query: string; page: number },
  db: Database = getDb(),
): Promise<{ rows: PatientSummary[]; total: number; page: number; pages: number }> {
  const where = and(eq(patients.doctorId, doctor.id), searchCondition(cleanSearchText(query, 80)));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(patients).where(where);
  const pages = Math.max(1, Math.ceil(total / PATIENTS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({ id: patients.id, firstName: patients.firstName, lastName: patients.lastName, birthDate: patients.birthDate, matricule: patients.matricule })
    .from(patients)
    .where(where)
    .orderBy(asc(sql`lower(${patients.lastName})`), asc(sql`lower(${patients.firstName})`), asc(patients.id))
    .limit(PATIENTS_PER_PAGE)
    .offset((current - 1) * PATIENTS_PER_PAGE);
  return { rows, total, page: current, pages };
}

/** The doctor's patient `patientId`, or null (unknown id, malformed id, another doctor's patient). */
export async function findPatient(doctor: { id: string }, patientId: string, db: Database = getDb()) {
  if (!isUuid(patientId)) return null;
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.doctorId, doctor.id)))
    .limit(1);
  return row ?? null;
}
