import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { doctorProfiles, doctorSignatures, documentCounters, documents, patients, users, type User } from "@/db/schema";
import type { ObjectStore } from "@/lib/storage";
import { readPdf } from "@/tests/support/pdf-reading";
import { ON_POSTGRES, throwawayPostgres } from "@/tests/support/postgres";
import { transparentSignaturePng } from "@/tests/support/signature-images";
import { freshDatabase } from "@/tests/support/test-db";
import { documentPdf } from "./document-pdf";
import { issueDocument, listPatientDocuments, type Access } from "./documents";
import { issueRefusalMessage } from "./messages";
import { luxembourgToday } from "./schema";

// Issuing documents against a real database: PGlite, and PostgreSQL through two pools standing for
// two app instances. The store is in memory.

function memoryStore(): ObjectStore & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    async put(key, bytes) {
      files.set(key, Buffer.from(bytes));
    },
    async get(key) {
      return files.get(key) ?? null;
    },
    async delete(key) {
      files.delete(key);
    },
  };
}

const today = luxembourgToday();

const feeForm = (over: Record<string, unknown> = {}) => ({
  issuedOn: today,
  lines: [
    { code: "C1", label: "Consultation", quantity: "1", unitCents: "54,80" },
    { code: "V12", label: "Électrocardiogramme", quantity: "2", unitCents: "18.75" },
  ],
  paid: "unpaid",
  replaces: "",
  ...over,
});
const prescriptionForm = { issuedOn: today, lines: [{ medication: "Amoxicilline 1 g", dosage: "3 fois par jour" }], notes: "", replaces: "" };
const certificateForm = { issuedOn: today, certificateKind: "presence", periodFrom: "", periodTo: "", body: "", replaces: "" };

type World = {
  db: Database;
  dbs: Database[];
  store: ReturnType<typeof memoryStore>;
  doctor: Access;
  secretary: Access;
  other: Access;
  patientId: string;
  otherPatientId: string;
};

async function makeWorld(dbs: Database[]): Promise<World> {
  const db = dbs[0]!;
  const suffix = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const [doctor, other, secretary] = await db
    .insert(users)
    .values([
      { email: `doc${suffix}@example.lu`, role: "doctor", doctorKind: "medecin", title: "Dr", firstName: "Jos", lastName: "Kieffer" },
      { email: `other${suffix}@example.lu`, role: "doctor", doctorKind: "medecin", title: "Dr", firstName: "Lis", lastName: "Faber" },
      { email: `sec${suffix}@example.lu`, role: "secretary", firstName: "Sandra", lastName: "Meyer" },
    ])
    .returning();
  const [p, q] = await db
    .insert(patients)
    .values([
      { doctorId: doctor!.id, firstName: "Nora", lastName: "Wagner", birthDate: "1980-05-02", matricule: "1980050212345" },
      { doctorId: other!.id, firstName: "Tom", lastName: "Klein", birthDate: "1975-03-04", matricule: "1975030412345" },
    ])
    .returning();
  const store = memoryStore();
  await store.put(`signatures/${doctor!.id}/s.png`, await transparentSignaturePng(600, 200), "image/png");
  await db
    .insert(doctorSignatures)
    .values({ doctorId: doctor!.id, storageKey: `signatures/${doctor!.id}/s.png`, width: 600, height: 200, byteSize: 1, opaque: false });
  await db.insert(doctorProfiles).values({
    doctorId: doctor!.id,
    locality: "Luxembourg",
    iban: "LU980019400644750001",
    ibanHolder: "Dr Jos Kieffer",
    payconiqMerchantId: "5c8a7b2e9f1d4a0012ab34cd",
    stampOnDocuments: true,
    signatureOnDocuments: true,
  });
  const as = (u: User, mode: "direct" | "secretary", d: User = u): Access => ({ doctor: d, user: u, mode });
  return {
    db,
    dbs,
    store,
    doctor: as(doctor!, "direct"),
    secretary: as(secretary!, "secretary", doctor!),
    other: as(other!, "direct"),
    patientId: p!.id,
    otherPatientId: q!.id,
  };
}

async function documentCount(db: Database, doctorId: string) {
  const [row] = await db.select({ n: count() }).from(documents).where(eq(documents.doctorId, doctorId));
  return row!.n;
}

function suite(name: string, setup: () => Promise<{ dbs: Database[]; drop?: () => Promise<void> } | null>, runs = true) {
  describe.runIf(runs)(name, () => {
    let w: World | null = null;
    let drop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const ready = await setup();
      if (!ready) throw new Error(`${name}: no database`);
      drop = ready.drop;
      w = await makeWorld(ready.dbs);
    });
    afterAll(async () => drop?.());

    it("20 creations at the same instant get 20 distinct, consecutive numbers", async () => {
      const { dbs, store, doctor, patientId } = w!;
      const kinds = ["fee_note", "prescription", "certificate"] as const;
      const forms = { fee_note: feeForm(), prescription: prescriptionForm, certificate: certificateForm };
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          issueDocument(doctor, patientId, kinds[i % 3]!, forms[kinds[i % 3]!], { db: dbs[i % dbs.length]!, store }),
        ),
      );
      const numbers = outcomes.map((o) => (o.kind === "issued" ? o.document.number : `error ${JSON.stringify(o)}`)).sort();
      const year = new Date().getFullYear();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `${year}-${String(i + 1).padStart(6, "0")}`));
      const [counter] = await dbs[0]!.select().from(documentCounters).where(eq(documentCounters.doctorId, doctor.doctor.id));
      expect(counter!.last).toBe(20);
    });

    it("stores the fee note's total in cents and copies the signature for the doctor's own documents", async () => {
      const { db, store, doctor, patientId } = w!;
      const outcome = await issueDocument(doctor, patientId, "fee_note", feeForm(), { db, store });
      expect(outcome.kind).toBe("issued");
      if (outcome.kind !== "issued") return;
      expect(outcome.document).toMatchObject({ totalCents: 9230, paid: false, withStamp: true, createdVia: "direct" });
      expect(outcome.document.content).toEqual({
        lines: [
          { code: "C1", label: "Consultation", quantity: 1, unitCents: 5480 },
          { code: "V12", label: "Électrocardiogramme", quantity: 2, unitCents: 1875 },
        ],
      });
      expect(outcome.document.signatureKey).toMatch(new RegExp(`^documents/${doctor.doctor.id}/${outcome.document.id}-signature\\.png$`));
      expect(store.files.has(outcome.document.signatureKey!)).toBe(true);
    });

    it("a secretary prepares fee notes without the signature, and is refused prescriptions and certificates", async () => {
      const { db, store, secretary, doctor, patientId } = w!;
      const before = await documentCount(db, doctor.doctor.id);
      const note = await issueDocument(secretary, patientId, "fee_note", feeForm(), { db, store });
      expect(note.kind === "issued" && note.document).toMatchObject({
        signatureKey: null,
        createdVia: "secretary",
        createdById: secretary.user.id,
        withStamp: true,
      });
      for (const [kind, form] of [
        ["prescription", prescriptionForm],
        ["certificate", certificateForm],
      ] as const) {
        expect(await issueDocument(secretary, patientId, kind, form, { db, store })).toEqual({
          kind: "forbidden",
        });
      }
      expect(await documentCount(db, doctor.doctor.id)).toBe(before + 1);
      // She sees the fee notes only, and gets no PDF of anything else.
      const seen = await listPatientDocuments(secretary, patientId, db);
      expect(new Set(seen!.map((d) => d.kind))).toEqual(new Set(["fee_note"]));
      const [aPrescription] = await db.select().from(documents).where(eq(documents.kind, "prescription")).limit(1);
      expect(await documentPdf(secretary, aPrescription!.id, { db, store })).toBeNull();
      expect(await documentPdf(doctor, aPrescription!.id, { db, store })).not.toBeNull();
    });

    it("refuses another doctor's patient and another doctor's document, creating nothing", async () => {
      const { db, store, doctor, other, otherPatientId, patientId } = w!;
      const before = await documentCount(db, doctor.doctor.id);
      expect(await issueDocument(doctor, otherPatientId, "fee_note", feeForm(), { db, store })).toEqual({ kind: "not-found" });
      expect(await issueDocument(doctor, "not-a-uuid", "fee_note", feeForm(), { db, store })).toEqual({ kind: "not-found" });
      expect(await listPatientDocuments(doctor, otherPatientId, db)).toBeNull();
      const [mine] = await db.select().from(documents).where(eq(documents.doctorId, doctor.doctor.id)).limit(1);
      expect(await documentPdf(other, mine!.id, { db, store })).toBeNull();
      expect(await listPatientDocuments(other, patientId, db)).toBeNull();
      expect(await documentCount(db, doctor.doctor.id)).toBe(before);
    });

    it("bad input: a clear message per field, nothing created and no number used", async () => {
      const { db, store, doctor, patientId } = w!;
      const before = await documentCount(db, doctor.doctor.id);
      const [counterBefore] = await db.select().from(documentCounters).where(eq(documentCounters.doctorId, doctor.doctor.id));
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [feeForm({ lines: [{ code: "C1", label: "Consultation", quantity: "1", unitCents: "54,805" }] }), "lines.0.unitCents", /deux décimales/],
        [feeForm({ lines: [{ code: "C1", label: "Consultation", quantity: "-1", unitCents: "54,80" }] }), "lines.0.quantity", /négative/],
        [feeForm({ lines: { tooMany: true, count: 10_000 } }), "lines", /30 lignes au plus/],
        [feeForm({ lines: [{ code: "C1", label: "Consul\u0007tation", quantity: "1", unitCents: "54,80" }] }), "lines.0.label", /contrôle/],
        [feeForm({ lines: [{ code: "C1", label: "Consultation \u202E08,45", quantity: "1", unitCents: "54,80" }] }), "lines.0.label", /invisible/],
        [feeForm({ lines: [] }), "lines", /au moins un acte/],
      ];
      for (const [form, field, message] of cases) {
        const outcome = await issueDocument(doctor, patientId, "fee_note", form, { db, store });
        expect(outcome.kind).toBe("invalid");
        expect(outcome.kind === "invalid" && outcome.fieldErrors[field]).toMatch(message);
      }
      expect(await documentCount(db, doctor.doctor.id)).toBe(before);
      const [counterAfter] = await db.select().from(documentCounters).where(eq(documentCounters.doctorId, doctor.doctor.id));
      expect(counterAfter!.last).toBe(counterBefore!.last);
    });

    it("a correction is a new document that cancels the old one, once; issued documents cannot be changed", async () => {
      const { db, store, doctor, patientId } = w!;
      const first = await issueDocument(doctor, patientId, "fee_note", feeForm(), { db, store });
      if (first.kind !== "issued") throw new Error("not issued");
      const fix = await issueDocument(doctor, patientId, "fee_note", feeForm({ paid: "paid", replaces: first.document.id }), { db, store });
      expect(fix.kind === "issued" && fix.document.replacesId).toBe(first.document.id);
      const again = await issueDocument(doctor, patientId, "fee_note", feeForm({ replaces: first.document.id }), { db, store });
      expect(again).toEqual({ kind: "already-corrected" });
      expect(issueRefusalMessage({ kind: "already-corrected" })).toMatch(/déjà été corrigé/);
      // Not as a prescription either: a correction keeps the kind.
      const wrongKind = await issueDocument(
        doctor,
        patientId,
        "prescription",
        { ...prescriptionForm, replaces: fix.kind === "issued" ? fix.document.id : "" },
        { db, store },
      );
      expect(wrongKind).toEqual({ kind: "correction-not-found" });

      const list = await listPatientDocuments(doctor, patientId, db);
      const old = list!.find((d) => d.id === first.document.id)!;
      expect(old.cancelledByNumber).toBe(fix.kind === "issued" ? fix.document.number : "");
      expect(list!.find((d) => d.id === (fix.kind === "issued" ? fix.document.id : ""))!.replacesNumber).toBe(first.document.number);
      const pdf = await readPdf((await documentPdf(doctor, first.document.id, { db, store }))!.bytes);
      expect(pdf.text).toContain("ANNULÉ");

      await expect(db.update(documents).set({ paid: true }).where(eq(documents.id, first.document.id))).rejects.toThrow();
      await expect(db.execute(sql`UPDATE documents SET total_cents = 1 WHERE id = ${first.document.id}`)).rejects.toThrow();
    });

    it("two corrections of one document at the same instant: one is issued, the other refused, and no number is lost", async () => {
      const { dbs, store, doctor, patientId } = w!;
      const first = await issueDocument(doctor, patientId, "fee_note", feeForm(), { db: dbs[0]!, store });
      if (first.kind !== "issued") throw new Error("not issued");
      const both = await Promise.all(
        [0, 1].map((i) =>
          issueDocument(doctor, patientId, "fee_note", feeForm({ replaces: first.document.id }), { db: dbs[i % dbs.length]!, store }),
        ),
      );
      expect(both.filter((o) => o.kind === "issued")).toHaveLength(1);
      expect(both.find((o) => o.kind !== "issued")).toEqual({ kind: "already-corrected" });
      const next = await issueDocument(doctor, patientId, "fee_note", feeForm(), { db: dbs[0]!, store });
      const issued = both.find((o) => o.kind === "issued");
      expect(next.kind === "issued" && issued?.kind === "issued" && next.document.sequence - issued.document.sequence).toBe(1);
    });

    it("draws the PDF from the row: doctor, patient, number, total, stamp and the signature copy", async () => {
      const { db, store, doctor, patientId } = w!;
      const issued = await issueDocument(doctor, patientId, "fee_note", feeForm(), { db, store });
      if (issued.kind !== "issued") throw new Error("not issued");
      // The doctor deletes the signature afterwards: the issued document keeps its own copy.
      await db.delete(doctorSignatures).where(eq(doctorSignatures.doctorId, doctor.doctor.id));
      const file = await documentPdf(doctor, issued.document.id, { db, store });
      expect(file!.filename).toBe(`memoire-d-honoraires-${issued.document.number}.pdf`);
      const pdf = await readPdf(file!.bytes);
      for (const text of ["Dr Jos Kieffer", "Nora Wagner", `N° ${issued.document.number}`, "92,30\u00a0€"]) expect(pdf.text).toContain(text);
      // The 600 × 200 signature, fitted into its box at 200 dpi (lib/documents/signature-imprint.ts).
      expect(pdf.pages[0]!.images.filter((i) => i.pixelWidth === 472 && i.pixelHeight === 157)).toHaveLength(1);
      // The signature and the Payconiq QR code are images; the stamp is drawn as text, twice the name.
      expect(pdf.pages[0]!.images).toHaveLength(2);
      expect(pdf.pages[0]!.texts.filter((t) => t === "Dr Jos Kieffer")).toHaveLength(2);
    });
  });
}

suite("documents on PGlite", async () => ({ dbs: [await freshDatabase()] }));
suite("documents on PostgreSQL, two instances", () => throwawayPostgres(2), ON_POSTGRES);
