import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appointments, patients, users } from "@/db/schema";
import { freshDatabase } from "@/tests/support/test-db";
import type { PatientInput } from "./file-rules";
import { matriculeFor } from "./matricule";
import { existingFileLink, patientRefusalMessage } from "./messages";
import {
  archivePatient,
  createPatient,
  findPatientsForBooking,
  patientAppointments,
  patientFile,
  restorePatient,
  searchPatients,
  updatePatient,
} from "./patients";

let db: Awaited<ReturnType<typeof freshDatabase>>;
let doctorId: string;
let otherDoctorId: string;

beforeAll(async () => {
  db = await freshDatabase();
  const [doctor, other] = await db
    .insert(users)
    .values([
      { email: "doc@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Jos", lastName: "Kieffer" },
      { email: "other@example.lu", role: "doctor", doctorKind: "medecin", firstName: "Tom", lastName: "Klein" },
    ])
    .returning({ id: users.id });
  doctorId = doctor!.id;
  otherDoctorId = other!.id;
  const born = "1980-05-02";
  await db.insert(patients).values([
    { doctorId, firstName: "Zoé", lastName: "Müller", birthDate: born, matricule: "1980050212345" },
    { doctorId, firstName: "Łukasz", lastName: "Wiśniewski", birthDate: born, matricule: "1980050212346" },
    { doctorId, firstName: "Ștefan", lastName: "Țurcanu", birthDate: born, matricule: "1980050212347" },
    { doctorId, firstName: "Nora", lastName: "Wagner", birthDate: born, matricule: "1980050212348" },
    { doctorId: otherDoctorId, firstName: "Zoe", lastName: "Other", birthDate: born, matricule: "1980050212349" },
  ]);
});

const names = async (query: string) => (await searchPatients({ id: doctorId }, { query, page: 1 })).rows.map((r) => `${r.firstName} ${r.lastName}`);

describe("searchPatients", () => {
  it("finds a name typed with or without its accents, in any case, only among the doctor's own patients", async () => {
    expect(await names("zoe")).toEqual(["Zoé Müller"]);
    expect(await names("ZOÉ")).toEqual(["Zoé Müller"]);
    expect(await names("muller")).toEqual(["Zoé Müller"]);
    expect(await names("lukasz wisniewski")).toEqual(["Łukasz Wiśniewski"]);
    expect(await names("Wiśniewski")).toEqual(["Łukasz Wiśniewski"]);
    expect(await names("stefan turcanu")).toEqual(["Ștefan Țurcanu"]);
  });

  it("takes LIKE's wildcards literally, and the matricule's digits as a prefix", async () => {
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect(await names("1980050212348")).toEqual(["Nora Wagner"]);
    expect((await names("")).length).toBe(4);
  });
});

describe("searchPatients by birth date and with archived files", () => {
  it("finds a birth date typed in French or ISO, and hides archived files unless asked", async () => {
    const [born] = await db
      .insert(patients)
      .values({
        doctorId,
        firstName: "Paul",
        lastName: "Hoffmann",
        birthDate: "1985-03-12",
        matricule: null,
        noMatriculeReason: "visitor",
        archivedAt: new Date(),
      })
      .returning({ id: patients.id });
    await db
      .insert(patients)
      .values({ doctorId, firstName: "Anna", lastName: "Bauer", birthDate: "1985-03-12", matricule: matriculeFor("1985-03-12", 7) });
    for (const typed of ["12/03/1985", "12.03.1985", "1985-03-12", "12/3/1985"]) expect(await names(typed)).toEqual(["Anna Bauer"]);
    const all = await searchPatients({ id: doctorId }, { query: "12/03/1985", page: 1, includeArchived: true });
    expect(all.rows.map((r) => [r.lastName, r.archived])).toEqual([
      ["Bauer", false],
      ["Hoffmann", true],
    ]);
    expect(await findPatientsForBooking({ id: doctorId }, "hoffmann")).toEqual([]);
    expect((await findPatientsForBooking({ id: doctorId }, "bauer")).map((p) => p.firstName)).toEqual(["Anna"]);
    expect(await findPatientsForBooking({ id: doctorId }, "  ")).toEqual([]);
    await db.delete(patients).where(eq(patients.id, born!.id));
  });
});

describe("patient files", () => {
  let secretaryId: string;
  const access = () => ({ doctor: { id: doctorId }, user: { id: secretaryId } });
  const asDoctor = () => ({ doctor: { id: doctorId }, user: { id: doctorId } });
  const file = (change: Partial<PatientInput> = {}): PatientInput => ({
    firstName: "Marie",
    lastName: "Thill",
    birthDate: "1990-07-14",
    matricule: matriculeFor("1990-07-14", 42),
    noMatriculeReason: null,
    otherIdentifier: null,
    email: "marie.thill@example.lu",
    phone: "+352621123456",
    address: "12, rue de la Gare\nL-1234 Luxembourg",
    ...change,
  });

  beforeAll(async () => {
    const [secretary] = await db
      .insert(users)
      .values({ email: "sec@example.lu", role: "secretary", firstName: "Sophie", lastName: "Muller" })
      .returning({ id: users.id });
    secretaryId = secretary!.id;
  });

  it("creates a file recording who and when; a second file with the same matricule is refused with the first one's id", async () => {
    const created = await createPatient(access(), file());
    expect(created).toMatchObject({ kind: "done" });
    const id = (created as { patientId: string }).patientId;
    expect(await patientFile({ id: doctorId }, id)).toMatchObject({
      firstName: "Marie",
      matricule: matriculeFor("1990-07-14", 42),
      phone: "+352621123456",
      createdBy: { id: secretaryId, name: "Sophie Muller", role: "secretary" },
      updatedBy: { id: secretaryId },
      archivedAt: null,
    });
    const duplicate = await createPatient(asDoctor(), file({ firstName: "Maria" }));
    expect(duplicate).toEqual({ kind: "duplicate-matricule", existingId: id });
    expect(patientRefusalMessage(duplicate as never)).toMatch(/déjà ce matricule/);
    expect(existingFileLink(id)).toEqual({ href: `/patients/${id}`, label: "Ouvrir le dossier existant" });
    // Another doctor may hold the same person.
    expect(await createPatient({ doctor: { id: otherDoctorId }, user: { id: otherDoctorId } }, file())).toMatchObject({ kind: "done" });
  });

  it("takes a file without matricule with a reason and another identifier; NULLs never collide", async () => {
    const tourist = file({
      firstName: "John",
      lastName: "Smith",
      matricule: null,
      noMatriculeReason: "insured_abroad",
      otherIdentifier: "80276 00000 12345678",
      phone: "+33612345678",
    });
    expect(await createPatient(access(), tourist)).toMatchObject({ kind: "done" });
    expect(await createPatient(access(), { ...tourist, firstName: "Jane" })).toMatchObject({ kind: "done" });
    expect(await createPatient(access(), { ...tourist, noMatriculeReason: null })).toEqual({ kind: "invalid", problem: "reason" });
  });

  it("refuses a matricule whose check digits or birth date are wrong, a bad phone, a future birth date; writes nothing", async () => {
    const [{ n: before }] = (await db.select({ n: sql<number>`count(*)::int` }).from(patients)) as [{ n: number }];
    const good = matriculeFor("1990-07-14", 43);
    const wrongCheck = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(await createPatient(access(), file({ matricule: wrongCheck }))).toEqual({ kind: "invalid", problem: "matricule" });
    expect(await createPatient(access(), file({ matricule: matriculeFor("1990-07-15", 43) }))).toEqual({
      kind: "invalid",
      problem: "matricule-birth-date",
    });
    expect(await createPatient(access(), file({ matricule: good, phone: "+352 621 123 456" }))).toEqual({ kind: "invalid", problem: "phone" });
    expect(
      await createPatient(access(), file({ matricule: null, noMatriculeReason: "newborn", birthDate: "2026-12-08" }), {
        now: new Date("2026-12-07T12:00:00Z"),
      }),
    ).toEqual({
      kind: "invalid",
      problem: "birth-date",
    });
    expect(await createPatient(access(), file({ matricule: good, lastName: "" }))).toEqual({ kind: "invalid", problem: "last-name" });
    const [{ n: after }] = (await db.select({ n: sql<number>`count(*)::int` }).from(patients)) as [{ n: number }];
    expect(after).toBe(before);
  });

  it("updates with who and when, refuses another file's matricule, and another doctor's file is not found", async () => {
    const a = (await createPatient(access(), file({ matricule: matriculeFor("1990-07-14", 50), firstName: "Eva" }))) as { patientId: string };
    const b = (await createPatient(access(), file({ matricule: matriculeFor("1990-07-14", 51), firstName: "Lea" }))) as { patientId: string };
    expect(
      await updatePatient(asDoctor(), a.patientId, file({ matricule: matriculeFor("1990-07-14", 50), firstName: "Éva", phone: "+35226123456" })),
    ).toEqual({
      kind: "done",
      patientId: a.patientId,
    });
    expect(await patientFile({ id: doctorId }, a.patientId)).toMatchObject({
      firstName: "Éva",
      phone: "+35226123456",
      createdBy: { id: secretaryId },
      updatedBy: { id: doctorId },
    });
    expect(await updatePatient(asDoctor(), a.patientId, file({ matricule: matriculeFor("1990-07-14", 51) }))).toEqual({
      kind: "duplicate-matricule",
      existingId: b.patientId,
    });
    const other = { doctor: { id: otherDoctorId }, user: { id: otherDoctorId } };
    expect(await updatePatient(other, a.patientId, file())).toEqual({ kind: "not-found" });
    expect(await archivePatient(other, a.patientId)).toEqual({ kind: "not-found" });
    expect(await patientFile({ id: otherDoctorId }, a.patientId)).toBeNull();
  });

  it("archives and restores a file, never deleting it", async () => {
    const a = (await createPatient(access(), file({ matricule: matriculeFor("1990-07-14", 60), lastName: "Archivée" }))) as { patientId: string };
    expect(await archivePatient(access(), a.patientId)).toEqual({ kind: "done" });
    expect((await patientFile({ id: doctorId }, a.patientId))?.archivedAt).toBeInstanceOf(Date);
    expect(await names("archivée")).toEqual([]);
    expect(await restorePatient(asDoctor(), a.patientId)).toEqual({ kind: "done" });
    expect(await names("archivée")).toEqual(["Marie Archivée"]);
  });

  it("lists a file's appointments, upcoming and past, with their status", async () => {
    const p = (await createPatient(access(), file({ matricule: matriculeFor("1990-07-14", 70), lastName: "Rendezvous" }))) as { patientId: string };
    const at = (iso: string, minutes = 15) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + minutes * 60_000) });
    await db.insert(appointments).values([
      { doctorId, patientId: p.patientId, ...at("2026-11-02T08:00:00Z"), status: "done", bookedVia: "practice" },
      { doctorId, patientId: p.patientId, ...at("2026-11-20T08:00:00Z"), status: "no_show", bookedVia: "online" },
      { doctorId, patientId: p.patientId, ...at("2026-12-10T08:00:00Z"), status: "booked", bookedVia: "practice" },
      { doctorId, patientId: p.patientId, ...at("2026-12-11T08:00:00Z"), status: "cancelled", cancelledBy: "patient", bookedVia: "practice" },
    ]);
    const listed = await patientAppointments({ id: doctorId }, p.patientId, { now: new Date("2026-12-07T12:00:00Z") });
    expect(listed?.upcoming.map((a) => [a.startsAt.toISOString().slice(0, 10), a.status, a.cancelledBy])).toEqual([
      ["2026-12-10", "booked", null],
      ["2026-12-11", "cancelled", "patient"],
    ]);
    expect(listed?.past.map((a) => [a.startsAt.toISOString().slice(0, 10), a.status])).toEqual([
      ["2026-11-20", "no_show"],
      ["2026-11-02", "done"],
    ]);
    expect(await patientAppointments({ id: otherDoctorId }, p.patientId)).toBeNull();
  });
});
