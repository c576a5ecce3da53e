import { openingHours, patients, secretaryDoctors, users, visitReasons, type User } from "@/db/schema";
import type { Database } from "@/db/client";
import type { AgendaAccess } from "@/lib/agenda/access";
import { matriculeFor } from "@/lib/patients/matricule";

// A small practice for the agenda's tests: a doctor open Monday to Friday 08:00–12:00 and
// 14:00–18:30, two motifs, two patients, and a secretary working for the doctor.

let n = 0;

export type TestPractice = {
  doctor: User;
  secretary: User;
  /** The doctor at the keyboard. */
  direct: AgendaAccess;
  /** The secretary working for the doctor. */
  viaSecretary: AgendaAccess;
  patientIds: [string, string];
  motifs: { consultation: string; long: string };
};

export async function testPractice(db: Database, name = "Kieffer"): Promise<TestPractice> {
  n += 1;
  const [doctor] = await db
    .insert(users)
    .values({ email: `doc${n}-${Date.now()}@example.lu`, role: "doctor", doctorKind: "medecin", title: "Dr", firstName: "Jos", lastName: name })
    .returning();
  const [secretary] = await db
    .insert(users)
    .values({ email: `sec${n}-${Date.now()}@example.lu`, role: "secretary", firstName: "Sophie", lastName: `Muller${n}` })
    .returning();
  await db.insert(secretaryDoctors).values({ secretaryId: secretary!.id, doctorId: doctor!.id });
  await db.insert(openingHours).values(
    [1, 2, 3, 4, 5].flatMap((weekday) => [
      { doctorId: doctor!.id, weekday, startMinute: 480, endMinute: 720 },
      { doctorId: doctor!.id, weekday, startMinute: 840, endMinute: 1110 },
    ]),
  );
  const [consultation, long] = await db
    .insert(visitReasons)
    .values([
      { doctorId: doctor!.id, label: "Consultation", durationMinutes: 15, colour: "blue", position: 0 },
      { doctorId: doctor!.id, label: "Suivi chronique", durationMinutes: 30, colour: "green", position: 1 },
    ])
    .returning();
  const people = await db
    .insert(patients)
    .values([
      { doctorId: doctor!.id, firstName: "Nora", lastName: "Wagner", birthDate: "1980-05-02", matricule: matriculeFor("1980-05-02", n) },
      { doctorId: doctor!.id, firstName: "Luc", lastName: "Schmit", birthDate: "1975-03-04", matricule: matriculeFor("1975-03-04", n) },
    ])
    .returning({ id: patients.id });
  return {
    doctor: doctor!,
    secretary: secretary!,
    direct: { doctor: doctor!, user: doctor!, mode: "direct" },
    viaSecretary: { doctor: doctor!, user: secretary!, mode: "secretary" },
    patientIds: [people[0]!.id, people[1]!.id],
    motifs: { consultation: consultation!.id, long: long!.id },
  };
}

/** An instant from a UTC ISO string. */
export const utc = (iso: string) => new Date(iso);
