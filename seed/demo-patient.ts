import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { documentHeader } from "@/lib/documents/header";
import { allocateDocumentNumber, luxembourgYear } from "@/lib/documents/numbering";
import { luxembourgToday, type PrescriptionContent } from "@/lib/documents/schema";
import { matriculeFor } from "@/lib/patients/matricule";
import type { Database } from "@/db/client";
import { appointments, documents, documentShares, patients, reviews, users, waitlistEntries } from "@/db/schema";

// The demo patient's own space (issue 18), so /patient shows something on a fresh start: Luc
// Reding has a file of his own (« self ») at the GP and at the dentist, and books for his
// daughter at the paediatrician (« relative »). Rather than inventing times, which would have to
// fit between the practice's generated appointments (the exclusion constraint refuses overlaps),
// a few of the practice's existing appointments are handed to his files: the practice's counts
// stay the same, which is what the dashboard's browser tests rely on. One of them was booked
// online by his account; a prescription is shared with him; he reviewed one past visit and the
// doctor answered. Runs after the practices and their documents are seeded, once: an account that
// already has a file is left alone.

export const DEMO_PATIENT_EMAIL = "patient@demo.doctipro.lu";
const GP = "dr.schmit@demo.doctipro.lu";
const DENTIST = "dr.hoffmann@demo.doctipro.lu";
const PAEDIATRICIAN = "dr.weber@demo.doctipro.lu";

const DAY = 86_400_000;

type Person = { firstName: string; lastName: string; birthDate: string; relation: "self" | "relative" };
const LUC: Person = { firstName: "Luc", lastName: "Reding", birthDate: "1986-04-17", relation: "self" };
const EMMA: Person = { firstName: "Emma", lastName: "Reding", birthDate: "2019-09-02", relation: "relative" };

async function createFile(tx: Database, doctorId: string, accountUserId: string, person: Person): Promise<string> {
  // A matricule no generated file of this practice holds (unique per doctor).
  let sequence = 901;
  let matricule = matriculeFor(person.birthDate, sequence);
  for (;;) {
    const [taken] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.doctorId, doctorId), eq(patients.matricule, matricule)));
    if (!taken) break;
    matricule = matriculeFor(person.birthDate, ++sequence);
  }
  const createdAt = new Date(Date.now() - 900 * DAY);
  const [row] = await tx
    .insert(patients)
    .values({
      doctorId,
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      matricule,
      email: DEMO_PATIENT_EMAIL,
      phone: "+352621456789",
      address: "12, rue de la Gare\nL-3236 Bettembourg",
      accountUserId,
      accountRelation: person.relation,
      createdAt,
      createdById: doctorId,
      updatedAt: createdAt,
      updatedById: doctorId,
    })
    .returning({ id: patients.id });
  return row!.id;
}

/**
 * Hands one of the practice's existing appointments to `patientId`: the first (or, with `latest`,
 * the last) in the status and time range asked for. Returns its id, or null when none fits.
 */
async function takeAppointment(
  tx: Database,
  doctorId: string,
  patientId: string,
  pick: { status: "booked" | "done"; after: Date; before: Date; latest?: boolean },
  online: { byUserId: string } | null,
): Promise<string | null> {
  const [found] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.doctorId, doctorId),
        eq(appointments.status, pick.status),
        eq(appointments.overbooked, false),
        gt(appointments.startsAt, pick.after),
        lt(appointments.startsAt, pick.before),
        sql`${appointments.visitReasonId} IS NOT NULL`,
      ),
    )
    .orderBy(pick.latest ? desc(appointments.startsAt) : asc(appointments.startsAt))
    .limit(1);
  if (!found) return null;
  await tx
    .update(appointments)
    .set({
      patientId,
      ...(online
        ? { bookedVia: "online" as const, bookedByUserId: online.byUserId, createdById: null, updatedById: null }
        : { bookedVia: "practice" as const }),
    })
    .where(eq(appointments.id, found.id));
  return found.id;
}

export async function seedDemoPatient(db: Database): Promise<{ seeded: boolean }> {
  const seeded = await db.transaction(async (tx) => {
    // Two servers starting together on one PostgreSQL database must not both seed it.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('doctipro.demo-patient'))`);
    const accounts = await tx
      .select()
      .from(users)
      .where(inArray(users.email, [DEMO_PATIENT_EMAIL, GP, DENTIST, PAEDIATRICIAN]));
    const byEmail = new Map(accounts.map((a) => [a.email, a]));
    const account = byEmail.get(DEMO_PATIENT_EMAIL);
    const gp = byEmail.get(GP);
    const dentist = byEmail.get(DENTIST);
    const paediatrician = byEmail.get(PAEDIATRICIAN);
    if (!account || !gp || !dentist || !paediatrician) return false;
    const [existing] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.accountUserId, account.id)).limit(1);
    if (existing) return false;
    // The practices must be there to take appointments from.
    const [practiceReady] = await tx.select({ id: appointments.id }).from(appointments).where(eq(appointments.doctorId, gp.id)).limit(1);
    if (!practiceReady) return false;

    const now = Date.now();
    const at = (days: number) => new Date(now + days * DAY);
    const online = { byUserId: account.id };

    // At the GP: an upcoming visit booked online (with « prévenez-moi » on), and two past ones.
    const lucAtGp = await createFile(tx, gp.id, account.id, LUC);
    const gpNext = await takeAppointment(tx, gp.id, lucAtGp, { status: "booked", after: at(4), before: at(30) }, online);
    if (gpNext) await tx.insert(waitlistEntries).values({ appointmentId: gpNext });
    const gpReviewed = await takeAppointment(tx, gp.id, lucAtGp, { status: "done", after: at(-60), before: at(-20), latest: true }, online);
    await takeAppointment(tx, gp.id, lucAtGp, { status: "done", after: at(-200), before: at(-120), latest: true }, null);

    // At the dentist: an upcoming check-up booked by the practice, and a past visit still to review.
    const lucAtDentist = await createFile(tx, dentist.id, account.id, LUC);
    await takeAppointment(tx, dentist.id, lucAtDentist, { status: "booked", after: at(10), before: at(40) }, null);
    await takeAppointment(tx, dentist.id, lucAtDentist, { status: "done", after: at(-30), before: at(-2), latest: true }, null);

    // His daughter at the paediatrician: booked online by his account, and a past visit.
    const emma = await createFile(tx, paediatrician.id, account.id, EMMA);
    await takeAppointment(tx, paediatrician.id, emma, { status: "booked", after: at(2), before: at(20) }, online);
    await takeAppointment(tx, paediatrician.id, emma, { status: "done", after: at(-90), before: at(-30), latest: true }, online);

    // His review of the GP, answered.
    if (gpReviewed) {
      const [visit] = await tx.select({ startsAt: appointments.startsAt }).from(appointments).where(eq(appointments.id, gpReviewed));
      const written = new Date(visit!.startsAt.getTime() + 6 * 3_600_000);
      await tx.insert(reviews).values({
        doctorId: gp.id,
        patientId: lucAtGp,
        appointmentId: gpReviewed,
        authorUserId: account.id,
        rating: 5,
        comment: "Rendez-vous pris en ligne en deux minutes, médecin à l'écoute et ponctuel.",
        createdAt: written,
        answer: "Merci pour votre retour, à bientôt au cabinet.",
        answeredAt: new Date(written.getTime() + DAY),
        answeredById: gp.id,
      });
    }

    // A prescription from the GP, shared with him.
    const [file] = await tx.select().from(patients).where(eq(patients.id, lucAtGp));
    const { header, stamp } = await documentHeader(tx, gp, file!, "prescription");
    const number = await allocateDocumentNumber(tx, gp.id, luxembourgYear(new Date()));
    const content: PrescriptionContent = {
      lines: [{ medication: "Cétirizine 10 mg", dosage: "1 comprimé le soir pendant 14 jours" }],
      notes: "",
    };
    const [document] = await tx
      .insert(documents)
      .values({
        doctorId: gp.id,
        patientId: lucAtGp,
        kind: "prescription",
        ...number,
        issuedOn: luxembourgToday(),
        content,
        totalCents: null,
        paid: null,
        header,
        withStamp: stamp,
        signatureKey: null,
        createdById: gp.id,
        createdVia: "direct",
      })
      .returning({ id: documents.id });
    await tx.insert(documentShares).values({ documentId: document!.id, sharedById: gp.id });
    return true;
  });
  return { seeded };
}

/** The demo patient's files (for tests): doctor email → file id. */
export async function demoPatientFiles(db: Database): Promise<{ patientId: string; doctorId: string; relation: string | null }[]> {
  return db
    .select({ patientId: patients.id, doctorId: patients.doctorId, relation: patients.accountRelation })
    .from(patients)
    .innerJoin(users, eq(users.id, patients.accountUserId))
    .where(and(eq(users.email, DEMO_PATIENT_EMAIL), isNull(patients.archivedAt)));
}
