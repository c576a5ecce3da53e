import type { Page } from "@playwright/test";
import { Client } from "pg";
import { callServerAction, formDataOf, serverActionId } from "@/tests/support/server-actions";
import { expect, test } from "./fixtures/signed-in";

// The patient space in the browser, as the demo patient (Luc Reding, the stored patient session):
// what is coming and what is past, « Annuler », « Laisser un avis », the shared document's PDF;
// and, by address and by forged server action, nothing of anyone else's appointments, documents
// or reviews. What a test changes it first creates for itself (straight in PostgreSQL), so the
// demo's own appointments stay for the other specs and for a second run.

const PATIENT_ACTIONS = "app/(patient)/patient/actions.ts";
const RESCHEDULE_ACTIONS = "app/(patient)/patient/rendez-vous/[id]/deplacer/actions.ts";
const ANSWER_ACTIONS = "app/(practice)/avis/actions.ts";
const NOT_YOURS = "Ce rendez-vous est introuvable dans votre espace.";
const GP = "dr.schmit@demo.doctipro.lu";
const DAY = 86_400_000;

function database(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("this spec reads and seeds PostgreSQL: run it in the PostgreSQL project");
  return url;
}

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Luc's own file at the GP, and a motif of that practice. */
async function lucAtGp(): Promise<{ patientId: string; doctorId: string; motifId: string }> {
  const [row] = await sql<{ patient_id: string; doctor_id: string; motif_id: string }>(
    `SELECT p.id AS patient_id, p.doctor_id, (SELECT v.id FROM visit_reasons v WHERE v.doctor_id = p.doctor_id ORDER BY v.position LIMIT 1) AS motif_id
       FROM patients p JOIN users a ON a.id = p.account_user_id JOIN users d ON d.id = p.doctor_id
      WHERE a.email = 'patient@demo.doctipro.lu' AND d.email = $1 AND p.account_relation = 'self'`,
    [GP],
  );
  if (!row) throw new Error("the demo patient has no file at the GP: is the demo seeded?");
  return { patientId: row.patient_id, doctorId: row.doctor_id, motifId: row.motif_id };
}

/**
 * An appointment of Luc at the GP, `days` from now in the small hours (outside the practice's
 * hours, where the demo has none), on a random quarter-hour so runs never collide.
 */
async function lucAppointment(days: number, status: "booked" | "done"): Promise<string> {
  const { patientId, doctorId, motifId } = await lucAtGp();
  for (let attempt = 0; attempt < 8; attempt++) {
    const day = new Date(Date.now() + days * DAY);
    day.setUTCHours(0, Math.floor(Math.random() * 16) * 15, 0, 0);
    try {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, status, booked_via, visit_reason_id)
         VALUES ($1, $2, $3, $3::timestamptz + interval '15 minutes', $4, 'practice', $5) RETURNING id`,
        [doctorId, patientId, day.toISOString(), status, motifId],
      );
      return row!.id;
    } catch (error) {
      if ((error as { code?: string }).code !== "23P01") throw error;
    }
  }
  throw new Error("no free quarter-hour found");
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test("the demo patient sees what is coming and what is past, cancels one, reviews one and downloads the shared document", async ({
  patientPage: page,
}) => {
  const upcomingId = await lucAppointment(45, "booked");
  const pastId = await lucAppointment(-3, "done");
  await page.goto("/patient");
  await expect(page.getByRole("heading", { name: "Rendez-vous à venir" })).toBeVisible();

  // What is coming: date, doctor, address, motif, for whom; the relative's appointment too.
  const upcoming = page.locator(`[data-testid="upcoming-appointment"][data-appointment-id="${upcomingId}"]`);
  await expect(upcoming).toContainText("Dr Paul Schmit");
  await expect(upcoming).toContainText("pour vous");
  await expect(page.getByTestId("upcoming-appointment").filter({ hasText: "pour Emma Reding" }).first()).toBeVisible();
  await expect(page.getByTestId("past-appointment").first()).toBeVisible();
  await expect(page.getByTestId("my-review").filter({ hasText: "Réponse du médecin" }).first()).toBeVisible();

  // « Annuler », confirmed.
  await upcoming.getByRole("button", { name: /^Annuler le rendez-vous du/ }).click();
  await upcoming.getByRole("button", { name: "Oui, annuler" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Votre rendez-vous est annulé." })).toBeVisible();
  await expect(page.locator(`[data-testid="upcoming-appointment"][data-appointment-id="${upcomingId}"]`)).toHaveCount(0);
  const [cancelled] = await sql<{ status: string; cancelled_by: string }>("SELECT status, cancelled_by FROM appointments WHERE id = $1", [
    upcomingId,
  ]);
  expect(cancelled).toEqual({ status: "cancelled", cancelled_by: "patient" });

  // « Laisser un avis » on the finished visit: four stars, a comment, once.
  const past = page.locator(`[data-testid="past-appointment"][data-appointment-id="${pastId}"]`);
  await past.getByRole("button", { name: /^Laisser un avis/ }).click();
  await past.getByRole("button", { name: "Publier mon avis" }).click();
  await expect(past.getByText("Choisissez une note de 1 à 5 étoiles.")).toBeVisible();
  await past.getByRole("radio", { name: "4 étoiles sur 5" }).check({ force: true });
  await past.getByLabel(/^Commentaire/).fill("Consultation rapide et claire.");
  await past.getByRole("button", { name: "Publier mon avis" }).click();
  await expect(past.getByTestId("my-review")).toContainText("Consultation rapide et claire.");
  await expect(past.getByRole("status")).toHaveText("Merci : votre avis est publié.");
  await expect(past.getByRole("button", { name: /^Laisser un avis/ })).toHaveCount(0);
  const [review] = await sql<{ rating: number; comment: string }>("SELECT rating, comment FROM reviews WHERE appointment_id = $1", [pastId]);
  expect(review).toEqual({ rating: 4, comment: "Consultation rapide et claire." });

  // The shared prescription, downloaded through the checked route.
  const shared = page.getByTestId("shared-document").filter({ hasText: "Ordonnance" }).first();
  await expect(shared).toContainText("Dr Paul Schmit");
  const [download] = await Promise.all([page.waitForEvent("download"), shared.getByRole("link", { name: /^Télécharger/ }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  expect(download.suggestedFilename()).toMatch(/^ordonnance-\d{4}-\d+\.pdf$/);
  await page.context().close();
});

test("a patient reaches no other patient's appointment, document or review, by any address or action", async ({ patientPage: page, baseURL }) => {
  // Another patient of the same practice: a future appointment, a finished one, a shared document, a review.
  const [other] = await sql<{ upcoming: string; done: string; document: string; document_number: string; review: string }>(
    `WITH gp AS (SELECT id FROM users WHERE email = $1),
          luc AS (SELECT p.id FROM patients p JOIN users a ON a.id = p.account_user_id WHERE a.email = 'patient@demo.doctipro.lu')
     SELECT
       (SELECT a.id FROM appointments a WHERE a.doctor_id = (SELECT id FROM gp) AND a.status = 'booked' AND a.starts_at > now() + interval '3 days'
          AND a.patient_id NOT IN (SELECT id FROM luc) AND a.booked_by_user_id IS NULL ORDER BY a.starts_at LIMIT 1) AS upcoming,
       (SELECT a.id FROM appointments a WHERE a.doctor_id = (SELECT id FROM gp) AND a.status = 'done' AND a.patient_id NOT IN (SELECT id FROM luc)
          AND a.booked_by_user_id IS NULL AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.appointment_id = a.id) ORDER BY a.starts_at DESC LIMIT 1) AS done,
       (SELECT d.id FROM documents d WHERE d.doctor_id = (SELECT id FROM gp) AND d.patient_id NOT IN (SELECT id FROM luc) ORDER BY d.number LIMIT 1) AS document,
       (SELECT d.number FROM documents d WHERE d.doctor_id = (SELECT id FROM gp) AND d.patient_id NOT IN (SELECT id FROM luc) ORDER BY d.number LIMIT 1) AS document_number,
       (SELECT r.id FROM reviews r WHERE r.doctor_id = (SELECT id FROM gp) AND r.answer IS NULL AND (r.patient_id IS NULL OR r.patient_id NOT IN (SELECT id FROM luc)) LIMIT 1) AS review`,
    [GP],
  );
  expect(Object.values(other!).every(Boolean), "the demo practice has another patient's data").toBe(true);
  // Shared with its own patient: still not Luc's.
  await sql("INSERT INTO document_shares (document_id) VALUES ($1) ON CONFLICT DO NOTHING", [other!.document]);
  const before = await sql("SELECT id, status, starts_at FROM appointments WHERE id = ANY($1) ORDER BY id", [[other!.upcoming, other!.done]]);

  // By address.
  for (const suffix of ["", "?telecharger"]) {
    const pdf = await page.request.get(`/patient/documents/${other!.document}/pdf${suffix}`, { maxRedirects: 0 });
    expect(pdf.status()).toBe(404);
    expect(pdf.headers()["content-type"]).not.toContain("pdf");
  }
  expect((await page.goto(`/patient/rendez-vous/${other!.upcoming}/deplacer`))?.status()).toBe(404);
  await page.goto("/patient");
  await expect(page.getByRole("heading", { name: "Vos documents" })).toBeVisible();
  expect(await page.content()).not.toContain(other!.document_number);
  for (const id of [other!.upcoming, other!.done]) await expect(page.locator(`[data-appointment-id="${id}"]`)).toHaveCount(0);

  // By forged action: each answers « introuvable » and writes nothing.
  const cookie = await cookieOf(page);
  const post = (file: string, name: string, path: string, args: unknown[]) =>
    callServerAction(baseURL!, path, serverActionId(file, name), args, cookie);
  const idle = { status: "idle" };
  const answers = [
    await post(PATIENT_ACTIONS, "cancelAppointmentAction", "/patient", [other!.upcoming, idle, formDataOf({})]),
    await post(PATIENT_ACTIONS, "setWaitlistAction", "/patient", [other!.upcoming, true, idle, formDataOf({})]),
    await post(PATIENT_ACTIONS, "leaveReviewAction", "/patient", [other!.done, idle, formDataOf({ rating: "1", comment: "forgé" })]),
    await post(RESCHEDULE_ACTIONS, "rescheduleAction", `/patient/rendez-vous/${other!.upcoming}/deplacer`, [
      other!.upcoming,
      idle,
      formDataOf({ debut: new Date(Date.now() + 30 * DAY).toISOString() }),
    ]),
  ];
  for (const answer of answers) {
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).toMatch(/introuvable|n'est pas proposé/);
  }
  expect(answers.slice(0, 3).every((a) => a.text.includes(NOT_YOURS) || a.text.includes("Ce rendez-vous est introuvable."))).toBe(true);
  // The doctor's « Répondre », posted with the patient's session: the guard turns it away.
  const answer = await post(ANSWER_ACTIONS, "answerReviewAction", "/avis", [other!.review, idle, formDataOf({ answer: "forgé" })]);
  expect(answer.status).toBeLessThan(500);

  expect(await sql("SELECT id, status, starts_at FROM appointments WHERE id = ANY($1) ORDER BY id", [[other!.upcoming, other!.done]])).toEqual(
    before,
  );
  expect(await sql("SELECT 1 FROM reviews WHERE appointment_id = $1", [other!.done])).toEqual([]);
  expect(await sql("SELECT 1 FROM waitlist_entries WHERE appointment_id = $1", [other!.upcoming])).toEqual([]);
  expect(await sql<{ answer: string | null }>("SELECT answer FROM reviews WHERE id = $1", [other!.review])).toEqual([{ answer: null }]);
  await page.context().close();
});
