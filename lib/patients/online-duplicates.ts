import "server-only";
import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appointments, patients, reviews } from "@/db/schema";
import { announceAgendaChange } from "@/lib/agenda/revisions";
import { getDb, type Database } from "@/lib/db";
import { isUuid } from "@/lib/forms/ids";

// « À vérifier »: files a patient created by booking online that may be a file the practice
// already keeps (same matricule, or same names and birth date; lib/booking/book.ts flags them).
// The practice decides: « C'est la même personne » moves the online file's appointments and
// reviews to the existing file, gives that file the account's link and archives the online one;
// « Personnes différentes » keeps both. Until then the patient sees nothing of the existing file.

type Actor = { doctor: { id: string }; user: { id: string } };

export type FileToCheck = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  matricule: string | null;
  otherIdentifier: string | null;
  createdAt: Date;
  existing: { id: string; firstName: string; lastName: string; birthDate: string; matricule: string | null };
};

const existing = alias(patients, "existing");

const toCheck = (doctorId: string) =>
  and(eq(patients.doctorId, doctorId), isNotNull(patients.possibleDuplicateOfId), isNull(patients.duplicateResolution), isNull(patients.archivedAt));

/** The practice's online files waiting for a decision, oldest first. */
export async function filesToCheck(doctor: { id: string }, db: Database = getDb()): Promise<FileToCheck[]> {
  const rows = await db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      birthDate: patients.birthDate,
      matricule: patients.matricule,
      otherIdentifier: patients.otherIdentifier,
      createdAt: patients.createdAt,
      existing: {
        id: existing.id,
        firstName: existing.firstName,
        lastName: existing.lastName,
        birthDate: existing.birthDate,
        matricule: existing.matricule,
      },
    })
    .from(patients)
    .innerJoin(existing, and(eq(existing.id, patients.possibleDuplicateOfId), eq(existing.doctorId, patients.doctorId)))
    .where(toCheck(doctor.id))
    .orderBy(asc(patients.createdAt), asc(patients.id))
    .limit(200);
  return rows;
}

/** How many files wait in « À vérifier » (the patients page shows it). */
export async function countFilesToCheck(doctor: { id: string }, db: Database = getDb()): Promise<number> {
  const [row] = await db.select({ n: count() }).from(patients).where(toCheck(doctor.id));
  return row?.n ?? 0;
}

export type ResolveResult = { kind: "linked"; patientId: string } | { kind: "distinct" } | { kind: "not-found" } | { kind: "already-linked" };

/** Thrown inside the transaction to roll it back. */
class Stop extends Error {
  constructor(readonly result: ResolveResult) {
    super(result.kind);
  }
}

/** The practice's decision on an online file of « À vérifier ». */
export async function resolveOnlineFile(
  access: Actor,
  onlineFileId: string,
  decision: "same" | "distinct",
  db: Database = getDb(),
): Promise<ResolveResult> {
  if (!isUuid(onlineFileId) || (decision !== "same" && decision !== "distinct")) return { kind: "not-found" };
  const doctorId = access.doctor.id;
  try {
    return await db.transaction(async (tx) => {
      await announceAgendaChange(tx, doctorId);
      const [file] = await tx
        .select()
        .from(patients)
        .where(and(eq(patients.id, onlineFileId), toCheck(doctorId)))
        .limit(1)
        .for("update");
      if (!file || !file.possibleDuplicateOfId) throw new Stop({ kind: "not-found" });
      if (decision === "distinct") {
        await tx
          .update(patients)
          .set({ duplicateResolution: "distinct", updatedAt: sql`now()`, updatedById: access.user.id })
          .where(eq(patients.id, file.id));
        return { kind: "distinct" } as const;
      }
      const [target] = await tx
        .select()
        .from(patients)
        .where(and(eq(patients.id, file.possibleDuplicateOfId), eq(patients.doctorId, doctorId)))
        .limit(1)
        .for("update");
      if (!target) throw new Stop({ kind: "not-found" });
      // A file already linked to another account cannot take this one's link as well.
      if (target.accountUserId && target.accountUserId !== file.accountUserId) throw new Stop({ kind: "already-linked" });
      // The online file lets go of the link first: one « self » file per account and practice.
      await tx
        .update(patients)
        .set({
          accountUserId: null,
          accountRelation: null,
          duplicateResolution: "linked",
          archivedAt: sql`now()`,
          updatedAt: sql`now()`,
          updatedById: access.user.id,
        })
        .where(eq(patients.id, file.id));
      await tx
        .update(patients)
        .set({
          accountUserId: file.accountUserId,
          accountRelation: file.accountRelation,
          // The existing file learns how to reach the patient if it did not know yet.
          email: target.email ?? file.email,
          phone: target.phone ?? file.phone,
          updatedAt: sql`now()`,
          updatedById: access.user.id,
          ...(target.archivedAt ? { archivedAt: null } : {}),
        })
        .where(eq(patients.id, target.id));
      await tx
        .update(appointments)
        .set({ patientId: target.id })
        .where(and(eq(appointments.patientId, file.id), eq(appointments.doctorId, doctorId)));
      await tx
        .update(reviews)
        .set({ patientId: target.id })
        .where(and(eq(reviews.patientId, file.id), eq(reviews.doctorId, doctorId)));
      return { kind: "linked", patientId: target.id } as const;
    });
  } catch (error) {
    if (error instanceof Stop) return error.result;
    throw error;
  }
}
