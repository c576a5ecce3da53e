import { asc, eq, inArray, sql } from "drizzle-orm";
import { documentHeader } from "@/lib/documents/header";
import { allocateDocumentNumber, luxembourgYear } from "@/lib/documents/numbering";
import type { CertificateContent, FeeNoteContent, PrescriptionContent } from "@/lib/documents/schema";
import { luxembourgToday } from "@/lib/documents/schema";
import { totalCents } from "@/lib/documents/totals";
import type { Database } from "@/db/client";
import { documents, patients, users } from "@/db/schema";

// A few issued documents for each demo doctor, so the patient page and its PDFs show something on
// first start: a fee note to pay (with the Payconiq QR code where the profile has a merchant id), a
// paid one, a prescription and a sick note, on the first patients of the list. Numbered like any
// other document. Without signature: the demo doctors have none until they upload one.

const DEMO_DOCTORS = ["dr.schmit@demo.doctipro.lu", "dr.weber@demo.doctipro.lu", "dr.hoffmann@demo.doctipro.lu"];

type Demo =
  | { kind: "fee_note"; content: FeeNoteContent; paid: boolean }
  | { kind: "prescription"; content: PrescriptionContent }
  | { kind: "certificate"; content: CertificateContent };

function demoDocuments(today: string, dentist: boolean): Demo[] {
  const act = dentist
    ? { code: "D1", label: "Examen bucco-dentaire", quantity: 1, unitCents: 3590 }
    : { code: "C1", label: "Consultation", quantity: 1, unitCents: 5480 };
  return [
    {
      kind: "fee_note",
      paid: false,
      content: {
        lines: [
          act,
          { code: dentist ? "D21" : "V12", label: dentist ? "Radiographie rétro-alvéolaire" : "Électrocardiogramme", quantity: 1, unitCents: 1875 },
        ],
      },
    },
    { kind: "fee_note", paid: true, content: { lines: [act] } },
    {
      kind: "prescription",
      content: {
        lines: dentist
          ? [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé 3 fois par jour pendant 3 jours, au repas" }]
          : [
              { medication: "Amoxicilline 1 g", dosage: "1 comprimé 3 fois par jour pendant 7 jours" },
              { medication: "Paracétamol 1 g", dosage: "1 comprimé si douleur, 3 par jour au plus" },
            ],
        notes: "",
      },
    },
    { kind: "certificate", content: { certificateKind: "incapacite", periodFrom: today, periodTo: today, body: "Sorties autorisées." } },
  ];
}

/** Once per doctor: a doctor who already has a document is left alone. */
export async function seedDemoDocuments(db: Database): Promise<number> {
  let created = 0;
  const doctors = await db.select().from(users).where(inArray(users.email, DEMO_DOCTORS));
  for (const doctor of doctors) {
    await db.transaction(async (tx) => {
      // Two servers starting together on one PostgreSQL database must not both seed a doctor.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('doctipro.demo-documents'))`);
      const [existing] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.doctorId, doctor.id)).limit(1);
      if (existing) return;
      const people = await tx
        .select()
        .from(patients)
        .where(eq(patients.doctorId, doctor.id))
        .orderBy(asc(patients.lastName), asc(patients.firstName))
        .limit(2);
      if (!people.length) return;
      const today = luxembourgToday();
      const items = demoDocuments(today, doctor.doctorKind === "medecin_dentiste");
      for (const [i, item] of items.entries()) {
        const patient = people[i % people.length]!;
        const { header, stamp } = await documentHeader(tx, doctor, patient, item.kind);
        const number = await allocateDocumentNumber(tx, doctor.id, luxembourgYear(new Date()));
        const fee = item.kind === "fee_note" ? { totalCents: totalCents(item.content.lines), paid: item.paid } : { totalCents: null, paid: null };
        await tx.insert(documents).values({
          doctorId: doctor.id,
          patientId: patient.id,
          kind: item.kind,
          ...number,
          issuedOn: today,
          content: item.content,
          ...fee,
          header,
          withStamp: stamp,
          signatureKey: null,
          createdById: doctor.id,
          createdVia: "direct",
        });
        created++;
      }
    });
  }
  return created;
}
