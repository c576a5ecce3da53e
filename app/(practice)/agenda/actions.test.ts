import { asc } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { appointments } from "@/db/schema";
import type { Database } from "@/db/client";
import type { AgendaFormState } from "@/lib/agenda/action-state";
import { agendaRevisionsOf } from "@/lib/agenda/revisions";
import { requireAgendaAccess } from "@/lib/auth/guards";
import { IDLE } from "@/lib/forms/form-state";
import { matriculeFor } from "@/lib/patients/matricule";
import { testPractice, type TestPractice } from "@/tests/support/agenda";
import { freshDatabase } from "@/tests/support/test-db";
import {
  cancelAppointmentAction,
  createAppointmentAction,
  createBookingPatientAction,
  moveAppointmentAction,
  resizeAppointmentAction,
  setAppointmentStatusAction,
  updateAppointmentDetailsAction,
} from "./actions";

// Bad input posted to the agenda's server actions, as a forged form or a stale page would post
// it: every refusal is a French sentence the page shows (above the form or under its field), and
// nothing is written — not an appointment, not the agenda's revision. No action throws: a throw is
// a 500. The guard stands in for the session (the secretary working for Dr Kieffer); who may reach
// which agenda at all is the guard's own test. Last, the booking dialog's new patient file is
// answered without revalidating anything (decision 0049).

vi.mock("@/lib/auth/guards", () => ({ requireAgendaAccess: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let db: Database;
let practice: TestPractice;
let other: TestPractice;
let booked: string;
let cancelled: string;
let theirs: string;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Everything a refused action must leave as it was: the doctors' appointments and agenda revisions. */
async function snapshot() {
  const rows = await db.select().from(appointments).orderBy(asc(appointments.id));
  const revisions = await agendaRevisionsOf(db, [practice.doctor.id, other.doctor.id]);
  return { rows, revisions: [...revisions.entries()] };
}

/** The state an action answers; the test fails on a throw, since the page would get a 500. */
async function refused(action: (state: AgendaFormState, data: FormData) => Promise<AgendaFormState>, fields: Record<string, string>) {
  const before = await snapshot();
  const state = await action(IDLE, form(fields));
  expect(state.status).toBe("error");
  expect(await snapshot()).toEqual(before);
  return state;
}

beforeAll(async () => {
  db = await freshDatabase();
  practice = await testPractice(db, "Kieffer");
  other = await testPractice(db, "Faber");
  vi.mocked(requireAgendaAccess).mockResolvedValue(practice.viaSecretary as unknown as Awaited<ReturnType<typeof requireAgendaAccess>>);
  // Tuesday 1 June 2027, 09:00 in Luxembourg, inside opening hours.
  const base = { patientId: practice.patientIds[0], visitReasonId: practice.motifs.consultation, day: "2027-06-01", durationMinutes: "15" };
  const created = await createAppointmentAction(IDLE, form({ ...base, time: "09:00" }));
  expect(created).toMatchObject({ status: "success", message: "Rendez-vous enregistré." });
  booked = created.data!.appointmentId!;
  const second = await createAppointmentAction(IDLE, form({ ...base, time: "10:00" }));
  cancelled = second.data!.appointmentId!;
  expect(await cancelAppointmentAction(IDLE, form({ appointmentId: cancelled, by: "patient" }))).toMatchObject({ status: "success" });
  vi.mocked(requireAgendaAccess).mockResolvedValueOnce(other.direct as unknown as Awaited<ReturnType<typeof requireAgendaAccess>>);
  const theirsCreated = await createAppointmentAction(
    IDLE,
    form({ patientId: other.patientIds[0], visitReasonId: "", day: "2027-06-01", time: "09:00", durationMinutes: "15" }),
  );
  theirs = theirsCreated.data!.appointmentId!;
  // Migrating a fresh PGlite and booking through four actions: slow on a busy two-core machine.
}, 180_000);

describe("« Nouveau rendez-vous » with bad input", () => {
  const valid = () => ({
    patientId: practice.patientIds[1],
    visitReasonId: practice.motifs.consultation,
    day: "2027-06-02",
    time: "09:00",
    durationMinutes: "15",
  });
  const GRID = "Les rendez-vous commencent et finissent sur une tranche de 5 minutes (08:00, 08:05…).";
  const DURATION = "La durée : de 5 à 480 minutes, par tranches de 5 minutes.";

  it.each([
    ["a start off the 5-minute grid", { time: "09:03" }, "time", GRID],
    ["a duration of 0", { durationMinutes: "0" }, "durationMinutes", DURATION],
    ["a duration of 1,000", { durationMinutes: "1000" }, "durationMinutes", DURATION],
    ["an end before its start (a negative duration)", { durationMinutes: "-15" }, "durationMinutes", DURATION],
    ["a date in year 10000", { day: "10000-01-04" }, "day", "La date : date non valide (AAAA-MM-JJ, entre 1900 et 2200)."],
    ["a date that does not parse", { day: "31/06/2027" }, "day", "La date : date non valide (AAAA-MM-JJ, entre 1900 et 2200)."],
    ["a date that does not exist", { day: "2027-02-30" }, "day", "La date : date non valide (AAAA-MM-JJ, entre 1900 et 2200)."],
    ["a time that does not parse", { time: "9h" }, "time", "L'heure : heure non valide (HH:MM, ex. 08:30)."],
  ])("%s: the field's message, nothing written", async (_, change, field, message) => {
    const state = await refused(createAppointmentAction, { ...valid(), ...change });
    expect(state.fieldErrors?.[field]).toBe(message);
    expect(state.formError).toBe("Corrigez les champs signalés : rien n'a été enregistré.");
  });

  it("a time that does not exist (28 March 2027, 02:30) is refused with its reason", async () => {
    const state = await refused(createAppointmentAction, { ...valid(), day: "2027-03-28", time: "02:30", outsideHoursConfirmed: "on" });
    expect(state.fieldErrors?.time).toMatch(/n'existe pas : les horloges passent de 02:00 à 03:00/);
  });

  it("another doctor's patient, motif, or an id that is no id: « introuvable »", async () => {
    expect((await refused(createAppointmentAction, { ...valid(), patientId: other.patientIds[0] })).formError).toBe("Ce patient est introuvable.");
    expect((await refused(createAppointmentAction, { ...valid(), patientId: "'; DROP TABLE appointments; --" })).formError).toBe(
      "Ce patient est introuvable.",
    );
    expect((await refused(createAppointmentAction, { ...valid(), visitReasonId: other.motifs.consultation })).formError).toBe(
      "Ce motif est introuvable.",
    );
  });

  it("the time of an appointment already there: « Ce créneau n'est plus libre. »", async () => {
    const state = await refused(createAppointmentAction, { ...valid(), day: "2027-06-01", time: "09:05" });
    expect(state.formError).toBe("Ce créneau n'est plus libre.");
  });
});

describe("actions on an existing appointment, with bad input", () => {
  it("another doctor's appointment, or no id: « Ce rendez-vous est introuvable. » for every action", async () => {
    const NOT_FOUND = "Ce rendez-vous est introuvable.";
    for (const appointmentId of [theirs, "", "00000000-0000-0000-0000-000000000000"]) {
      expect((await refused(moveAppointmentAction, { appointmentId, day: "2027-06-03", time: "09:00" })).formError).toBe(NOT_FOUND);
      expect((await refused(resizeAppointmentAction, { appointmentId, durationMinutes: "30" })).formError).toBe(NOT_FOUND);
      expect((await refused(cancelAppointmentAction, { appointmentId, by: "practice" })).formError).toBe(NOT_FOUND);
      expect((await refused(setAppointmentStatusAction, { appointmentId, status: "done" })).formError).toBe(NOT_FOUND);
      expect((await refused(updateAppointmentDetailsAction, { appointmentId, visitReasonId: "", note: "Vu" })).formError).toBe(NOT_FOUND);
    }
  });

  it("a cancelled appointment marked finished, moved or cancelled again: refused with the reason", async () => {
    expect((await refused(setAppointmentStatusAction, { appointmentId: cancelled, status: "done" })).formError).toBe(
      "Un rendez-vous « annulé » ne peut pas passer à « terminé ».",
    );
    expect((await refused(moveAppointmentAction, { appointmentId: cancelled, day: "2027-06-03", time: "09:00" })).formError).toBe(
      "Un rendez-vous « annulé » ne se déplace plus.",
    );
    expect((await refused(cancelAppointmentAction, { appointmentId: cancelled, by: "practice" })).formError).toBe(
      "Un rendez-vous « annulé » ne s'annule plus.",
    );
  });

  it("a move off the grid or to year 10000, a duration of 0 or 1,000, an unknown status or canceller", async () => {
    expect((await refused(moveAppointmentAction, { appointmentId: booked, day: "2027-06-03", time: "09:01" })).fieldErrors?.time).toBe(
      "Les rendez-vous commencent et finissent sur une tranche de 5 minutes (08:00, 08:05…).",
    );
    expect((await refused(moveAppointmentAction, { appointmentId: booked, day: "10000-06-03", time: "09:00" })).fieldErrors?.day).toMatch(
      /date non valide/,
    );
    expect((await refused(resizeAppointmentAction, { appointmentId: booked, durationMinutes: "0" })).fieldErrors?.durationMinutes).toMatch(
      /de 5 à 480 minutes/,
    );
    expect((await refused(resizeAppointmentAction, { appointmentId: booked, durationMinutes: "1000" })).fieldErrors?.durationMinutes).toMatch(
      /de 5 à 480 minutes/,
    );
    expect((await refused(setAppointmentStatusAction, { appointmentId: booked, status: "cancelled" })).formError).toBe("Statut inconnu.");
    expect((await refused(setAppointmentStatusAction, { appointmentId: booked, status: "deleted" })).formError).toBe("Statut inconnu.");
    expect((await refused(cancelAppointmentAction, { appointmentId: booked, by: "doctor" })).fieldErrors?.by).toBe(
      "Indiquez qui annule : le patient ou le cabinet.",
    );
    expect((await refused(updateAppointmentDetailsAction, { appointmentId: booked, visitReasonId: other.motifs.long, note: "" })).formError).toBe(
      "Ce motif est introuvable.",
    );
  });
});

describe("« Créer un dossier patient » from the booking dialog", () => {
  it("answers the new file, which the dialog picks, and revalidates nothing: no week rendered into the answer", async () => {
    vi.mocked(revalidatePath).mockClear();
    const fields = { lastName: "Neuve", firstName: "Léa", birthDate: "12/03/1990", matricule: matriculeFor("1990-03-12", 7) };
    const state = await createBookingPatientAction(IDLE, form(fields));
    expect(state).toMatchObject({ status: "success", data: { lastName: "Neuve", firstName: "Léa", birthDate: "1990-03-12" } });
    expect(state.data?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});
