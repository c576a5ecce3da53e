import { expect, test, type Browser, type Page } from "@playwright/test";
import { Client } from "pg";
import { appointmentIdIn, callServerAction, formDataOf, serverActionId, type ActionAnswer } from "@/tests/support/server-actions";
import { FIXTURES } from "./fixtures/accounts";
import { signedInPage, uniqueClientIp } from "./support/auth";

// The agenda's server actions posted over HTTP as the page's JavaScript posts them, many at once
// and with forged fields: the race for one time across two app instances (issue 17: 50 at once,
// exactly one stored, the 49 others told « Ce créneau n'est plus libre. »), and bad input answered
// in French with nothing stored, never a 500.

const ACTIONS = "app/(practice)/agenda/actions.ts";
const TAKEN = "Ce créneau n'est plus libre.";
const BOOKED = "Rendez-vous enregistré";
const DOCTOR = FIXTURES.agendaRaceDoctor;

/** The secretary working for Dr Test agenda-course: her page and her cookies. */
async function secretary(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; cookie: string }> {
  const page = await signedInPage(browser, baseURL, FIXTURES.agendaRaceSecretary.email, uniqueClientIp());
  await page.getByRole("button", { name: /Dr Test agenda-course/ }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { page, cookie };
}

/** A patient's id, from the practice's patient list as `page` sees it. */
async function patientId(page: Page, lastName: string): Promise<string> {
  await page.goto(`/patients?q=${encodeURIComponent(lastName)}`);
  const href = await page
    .getByRole("link", { name: new RegExp(lastName, "i") })
    .first()
    .getAttribute("href");
  const id = /\/patients\/([0-9a-f-]{36})/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no patient file for ${lastName}`);
  return id;
}

/** Posts the « Nouveau rendez-vous » form to the action, from the agenda page of `base`. */
function book(base: string, cookie: string, fields: Record<string, string>): Promise<ActionAnswer> {
  return callServerAction(base, "/agenda", serverActionId(ACTIONS, "createAppointmentAction"), [{ status: "idle" }, formDataOf(fields)], cookie);
}

/** The doctor's active appointments, read from PostgreSQL. */
async function storedOf(email: string, url: string): Promise<{ starts_at: Date; patient_id: string }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      "SELECT a.starts_at, a.patient_id FROM appointments a JOIN users u ON u.id = a.doctor_id WHERE u.email = $1 AND a.status <> 'cancelled'",
      [email],
    );
    return result.rows;
  } finally {
    await client.end();
  }
}

// Run by the PostgreSQL project only (playwright.config.ts): two instances share one database.
test(
  "50 bookings of one time at once, across two app instances: one stored, 49 told the time is taken",
  { tag: "@two-instances" },
  async ({ browser, baseURL }) => {
    const second = test.info().project.metadata.secondInstanceURL as string | undefined;
    const database = process.env.TEST_DATABASE_URL;
    if (!second || !database) throw new Error("no second app instance: this test belongs to the PostgreSQL project");
    // Fifty answers, each carrying the refreshed agenda: on a busy two-core machine this takes a while.
    test.slow();
    const { page, cookie } = await secretary(browser, baseURL);
    const patients = [await patientId(page, "Courseur"), await patientId(page, "Saisie")];
    // Tuesday 1 June 2027, 09:00–09:15 in Luxembourg. The practice has no opening hours here: each
    // booking confirms the outside-hours question, as the form does once asked.
    const fields = (i: number) => ({
      patientId: patients[i % 2]!,
      visitReasonId: "",
      day: "2027-06-01",
      time: "09:00",
      durationMinutes: "15",
      note: "",
      outsideHoursConfirmed: "on",
    });
    const instances = [baseURL!, second];

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => book(instances[i % 2]!, cookie, fields(i))));

    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const booked = answers.filter((a) => a.text.includes(BOOKED));
    const taken = answers.filter((a) => a.text.includes(TAKEN));
    expect(booked).toHaveLength(1);
    expect(taken).toHaveLength(49);
    // Both instances had losers: the race was between the two, not within one.
    expect(new Set(answers.flatMap((a, i) => (a.text.includes(TAKEN) ? [i % 2] : []))).size).toBe(2);
    // Of that day only: the bad-input test below books the same doctor a day later, and may run
    // at the same time.
    const stored = (await storedOf(DOCTOR.email, database)).filter((s) => s.starts_at.toISOString().startsWith("2027-06-01"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.starts_at.toISOString()).toBe("2027-06-01T07:00:00.000Z");
    expect(appointmentIdIn(booked[0]!.text)).toMatch(/^[0-9a-f-]{36}$/);
    await page.context().close();
  },
);

test("bad input posted to « Nouveau rendez-vous » is answered in French, never with a 500, and stores nothing", async ({ browser, baseURL }) => {
  // Two sign-ins and a dozen answers carrying the refreshed agenda.
  test.slow();
  const { page, cookie } = await secretary(browser, baseURL);
  const mine = await patientId(page, "Saisie");
  const other = await signedInPage(browser, baseURL, DOCTOR.email.replace("agenda-course@", "agenda-course-autre@"), uniqueClientIp(), {
    land: false,
  });
  const theirs = await patientId(other, "Ailleurs");
  await other.context().close();
  // Wednesday 2 June 2027, 10:00 in Luxembourg.
  const valid = {
    patientId: mine,
    visitReasonId: "",
    day: "2027-06-02",
    time: "10:00",
    durationMinutes: "15",
    note: "",
    outsideHoursConfirmed: "on",
  };
  const cases: [string, Record<string, string>, string][] = [
    ["a start off the 5-minute grid", { time: "10:03" }, "Les rendez-vous commencent et finissent sur une tranche de 5 minutes"],
    ["a duration of 0", { durationMinutes: "0" }, "La durée : de 5 à 480 minutes, par tranches de 5 minutes."],
    ["a duration of 1,000", { durationMinutes: "1000" }, "La durée : de 5 à 480 minutes, par tranches de 5 minutes."],
    ["an end before its start", { durationMinutes: "-15" }, "La durée : de 5 à 480 minutes, par tranches de 5 minutes."],
    ["a date in year 10000", { day: "10000-06-02" }, "La date : date non valide (AAAA-MM-JJ, entre 1900 et 2200)."],
    ["a date that does not parse", { day: "le 2 juin" }, "La date : date non valide (AAAA-MM-JJ, entre 1900 et 2200)."],
    ["a time that does not parse", { time: "dix heures" }, "L'heure : heure non valide (HH:MM, ex. 08:30)."],
    ["another doctor's patient", { patientId: theirs }, "Ce patient est introuvable."],
    ["an id that is no id", { patientId: "' OR 1=1 --" }, "Ce patient est introuvable."],
    ["another doctor's motif id", { visitReasonId: "00000000-0000-4000-8000-000000000000" }, "Ce motif est introuvable."],
  ];
  for (const [what, change, message] of cases) {
    const answer = await book(baseURL!, cookie, { ...valid, ...change });
    expect(answer.status, what).toBe(200);
    expect(answer.text, what).toContain(message);
    expect(answer.text, what).not.toContain(BOOKED);
  }
  // Nothing was stored at that time: the valid form books it.
  const good = await book(baseURL!, cookie, valid);
  expect(good.text).toContain(BOOKED);
  expect(appointmentIdIn(good.text)).toMatch(/^[0-9a-f-]{36}$/);
  if (process.env.TEST_DATABASE_URL && test.info().project.name === "postgres") {
    const stored = await storedOf(DOCTOR.email, process.env.TEST_DATABASE_URL);
    expect(stored.filter((s) => s.starts_at.toISOString().startsWith("2027-06-02"))).toHaveLength(1);
  }
  await page.context().close();
});
