import type { Page } from "@playwright/test";
import { publicHolidays } from "@/lib/agenda/holidays";
import { matriculeFor } from "@/lib/patients/matricule";
import { appointmentIdIn, callServerAction, formDataOf, serverActionId } from "@/tests/support/server-actions";
import { FIXTURES } from "./fixtures/accounts";
import { expect, test } from "./fixtures/signed-in";
import { signedInPage, uniqueClientIp } from "./support/auth";

// The agenda's grid by pointer (issue 17): an appointment dragged to another free time moves, one
// dropped on an occupied time stays where it was with a message, one dropped outside opening hours
// asks first in the agenda's dialog; a secretary's « Tous mes médecins » day shows her doctors
// side by side and books in the second doctor's column, with a patient file created there for
// that doctor; an appointment's bottom edge dragged down lengthens it, onto the next appointment it
// is refused. Far-future days (2032: a Wednesday between February
// and October, not a public holiday) at random times, so runs on a kept database do not collide.

const ACTIONS = "app/(practice)/agenda/actions.ts";
const ROW_PX = 28;
const random = (n: number) => Math.floor(Math.random() * n);
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const randomName = (prefix: string) => prefix + Array.from({ length: 6 }, () => LETTERS[random(26)]).join("");

/**
 * A Wednesday of 2032 between February and mid-October that is not a public holiday, as
 * YYYY-MM-DD: 23 June 2032, the National Day, is a Wednesday, closed, where a drop is asked about
 * instead of moved.
 */
function futureWednesday(): string {
  const first = Date.UTC(2032, 1, 4); // Wednesday 4 February 2032
  const closed = new Set(publicHolidays(2032).map((h) => h.day));
  const open = Array.from({ length: 36 }, (_, i) => new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10)).filter((d) => !closed.has(d));
  return open[random(open.length)]!;
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const block = (page: Page, time: string, name: string) => page.getByRole("button", { name: new RegExp(`^${time}–\\d{2}:\\d{2}, ${name}`) });
const notice = (page: Page) => page.getByRole("status").filter({ hasText: /Rendez-vous déplacé|Ce créneau n'est plus libre/ });

/**
 * Books the signed-in doctor's fixture patient found by `search` at each of `minutes` of `day`, 15
 * minutes each, through the agenda's own action (the booking is not what these tests test).
 */
async function bookFixturePatient(page: Page, baseURL: string, search: string, day: string, minutes: number[]) {
  const list = await (await page.request.get(`/patients?q=${search}`)).text();
  const patientId = /href="\/patients\/([0-9a-f-]{36})[?"]/.exec(list)?.[1] ?? "";
  expect(patientId, "the fixture's patient in the list").not.toBe("");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const create = serverActionId(ACTIONS, "createAppointmentAction");
  for (const minute of minutes) {
    const fields = { patientId, visitReasonId: "", day, time: hhmm(minute), durationMinutes: "15", note: "", outsideHoursConfirmed: "on" };
    const answer = await callServerAction(baseURL, "/agenda", create, [{ status: "idle" }, formDataOf(fields)], cookie);
    expect(appointmentIdIn(answer.text), answer.text.slice(-300)).not.toBeNull();
  }
}

test("an appointment dragged to a free time moves; dropped on an occupied one, it stays, with a message", async ({ browser, baseURL }) => {
  // Two bookings, three drags and a reload: more steps than most tests.
  test.slow();
  // A doctor of the fixtures whose agenda is this test's alone (fixtures/accounts.ts): a live event
  // of another test's change to a shared agenda would redraw the board while it is dragged on.
  // Signed in over HTTP, the sign-in not being what this tests.
  const page = await signedInPage(browser, baseURL, FIXTURES.agendaDragDoctor.email, uniqueClientIp(), { land: false });
  const day = futureWednesday();
  // The doctor is open 08:00–12:00 on Wednesdays: one appointment at 08:xx, another an hour later.
  const first = 8 * 60 + 15 * random(4);
  const second = first + 60;
  const target = first + 120;

  // The two appointments, for the doctor's patient of the fixtures, booked through the agenda's own
  // action (the booking is not what this tests).
  const name = "GLISSEUR Test";
  await bookFixturePatient(page, baseURL!, "Glisseur", day, [first, second]);

  // Tall enough to hold the whole morning: the pointer only acts on what the window shows.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto(`/agenda?vue=semaine&date=${day}`);
  const moving = block(page, hhmm(first), name);
  const other = block(page, hhmm(second), name);
  await expect(moving).toBeVisible();
  await expect(other).toBeVisible();
  // Wednesday's column: its one slot control covers it (Monday is 0).
  const column = page.locator('[data-slot="2"]');
  // Measured afresh each time: the message above the grid moves it down once a move is answered.
  const top = async (locator: typeof moving) => (await locator.boundingBox())!.y - (await column.boundingBox())!.y;
  /** Grabs `what` 4 px under its top edge and releases it with its top `y` px down Wednesday's column. */
  const drag = async (what: typeof moving, y: number) => {
    const from = (await what.boundingBox())!;
    const to = (await column.boundingBox())!;
    await page.mouse.move(from.x + 10, from.y + 4);
    await page.mouse.down();
    await page.mouse.move(to.x + 30, to.y + y + 4, { steps: 8 });
    await page.mouse.up();
  };

  // Dropped with its top on the row two hours later.
  await drag(moving, (await top(moving)) + 8 * ROW_PX);
  await expect(notice(page)).toHaveText("Rendez-vous déplacé.");
  const moved = block(page, hhmm(target), name);
  await expect(moved).toBeVisible();
  await expect(block(page, hhmm(first), name)).toHaveCount(0);

  // Onto the other appointment: refused, nothing moves.
  await drag(moved, await top(other));
  await expect(notice(page)).toHaveText("Ce créneau n'est plus libre.");
  await page.reload();
  await expect(block(page, hhmm(target), name)).toBeVisible();
  await expect(block(page, hhmm(second), name)).toBeVisible();

  // Past the end of the morning's hours: the question is asked in the agenda's own dialog, which
  // opens on its text, so Enter answers nothing; its button moves it.
  const late = target + 180;
  await drag(block(page, hhmm(target), name), (await top(block(page, hhmm(target), name))) + 12 * ROW_PX);
  const question = page.getByRole("dialog", { name: "Déplacer le rendez-vous" });
  const asked = question.getByText("Ce créneau est en dehors des heures d'ouverture.", { exact: false });
  await expect(asked).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(asked).toBeFocused();
  await question.getByRole("button", { name: "Déplacer hors des heures d'ouverture" }).click();
  await expect(question).toHaveCount(0);
  await expect(notice(page)).toHaveText("Rendez-vous déplacé. Ce créneau est en dehors des heures d'ouverture.");
  await expect(block(page, hhmm(late), name)).toBeVisible();
  await expect(block(page, hhmm(target), name)).toHaveCount(0);
  await page.context().close();
});

test("an appointment's bottom edge dragged down lengthens it; onto the next appointment, it keeps its time, with a message", async ({
  browser,
  baseURL,
}) => {
  // A sign-in, two bookings, three drags, two questions and a reload.
  test.slow();
  // Dr Test agenda-duree, whom no other test touches: no live redraw from elsewhere mid-drag. She
  // has no opening hours, so each change is asked about first, as the agenda asks it.
  const page = await signedInPage(browser, baseURL, FIXTURES.agendaResizeDoctor.email, uniqueClientIp(), { land: false });
  const name = "ETIRE Rita";
  const day = futureWednesday();
  const first = 8 * 60 + 15 * random(4);
  const second = first + 60;
  await bookFixturePatient(page, baseURL!, "Etire", day, [first, second]);

  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto(`/agenda?vue=semaine&date=${day}`);
  const resized = block(page, hhmm(first), name);
  await expect(resized).toHaveAccessibleName(new RegExp(`^${hhmm(first)}–${hhmm(first + 15)}, ${name}`));
  await expect(block(page, hhmm(second), name)).toBeVisible();
  const question = page.getByRole("dialog", { name: "Changer la durée du rendez-vous" });
  const said = page.getByRole("status").filter({ hasText: /Durée du rendez-vous modifiée|Ce créneau n'est plus libre/ });
  /** Presses `resized` 2 px above its bottom edge (its grip) and moves the pointer `minutes` further down. */
  const pull = async (minutes: number, beforeRelease?: () => Promise<void>) => {
    const box = (await resized.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height - 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + box.height - 2 + (minutes / 15) * ROW_PX, { steps: 8 });
    await beforeRelease?.();
    await page.mouse.up();
  };

  // Pulled down by half an hour: asked (outside her hours), answered, 15 minutes become 45.
  await pull(30);
  await question.getByRole("button", { name: "Allonger hors des heures d'ouverture" }).click();
  await expect(said).toHaveText("Durée du rendez-vous modifiée. Ce créneau est en dehors des heures d'ouverture.");
  await expect(resized).toHaveAccessibleName(new RegExp(`^${hhmm(first)}–${hhmm(first + 45)}, ${name}`));
  await resized.click();
  const details = page.getByRole("dialog", { name: `Rendez-vous — ${name}` });
  await expect(details).toContainText("(45 min)");
  await expect(details.getByLabel("Durée (minutes)")).toHaveValue("45");
  await page.keyboard.press("Escape");
  await expect(details).toHaveCount(0);

  // Escape lets go mid-drag: nothing is sent, and the release opens nothing.
  await pull(30, () => page.keyboard.press("Escape"));
  await expect(question).toHaveCount(0);
  await expect(details).toHaveCount(0);

  // Onto the next appointment (its end half an hour later, past the other's start): refused.
  await pull(30);
  await question.getByRole("button", { name: "Allonger hors des heures d'ouverture" }).click();
  await expect(said).toHaveText("Ce créneau n'est plus libre.");
  await page.reload();
  await expect(resized).toHaveAccessibleName(new RegExp(`^${hhmm(first)}–${hhmm(first + 45)}, ${name}`));
  await expect(block(page, hhmm(second), name)).toHaveAccessibleName(new RegExp(`^${hhmm(second)}–${hhmm(second + 15)}, ${name}`));
  await page.context().close();
});

test("a secretary's « Tous mes médecins » day: both doctors side by side, a booking in the second one's column", async ({ secretaryPage: page }) => {
  const day = futureWednesday();
  await page.goto(`/agenda?vue=jour&date=${day}`);
  await page.getByRole("link", { name: "Tous mes médecins" }).click();
  await expect(page).toHaveURL(/medecins=/);
  // One column per doctor, the doctor of the session first.
  await expect(page.locator("[data-slot]")).toHaveCount(2);
  await expect(page.locator('[data-slot="0"]')).toHaveAttribute("aria-label", /, Dr Paul Schmit : /);
  await expect(page.locator('[data-slot="1"]')).toHaveAttribute("aria-label", /, Dr Anne Weber : /);

  // In Dr Weber's column, at a random time of the afternoon; a new patient file created there is hers.
  const minute = 14 * 60 + 15 * random(12);
  const slot = page.locator('[data-slot="1"]');
  const columnBox = (await slot.boundingBox())!;
  await slot.click({ position: { x: 20, y: 4 } });
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Nouveau rendez-vous — Dr Anne Weber" })).toBeVisible();
  expect(columnBox.height).toBeGreaterThan(ROW_PX * 10);
  const lastName = randomName("Cote");
  await dialog.getByRole("combobox", { name: /Rechercher un patient/ }).fill(lastName);
  await dialog.getByRole("button", { name: "Créer un dossier patient" }).click();
  await dialog.getByLabel("Nom", { exact: true }).fill(lastName);
  await dialog.getByLabel("Prénom").fill("Test");
  await dialog.getByLabel("Date de naissance (JJ/MM/AAAA)").fill("15/09/2015");
  await dialog.getByLabel("Matricule (13 chiffres)").fill(matriculeFor("2015-09-15", random(1000)));
  await dialog.getByRole("button", { name: "Créer le dossier" }).click();
  await expect(dialog.getByText(`${lastName.toUpperCase()} Test`, { exact: true })).toBeVisible();
  await dialog.getByLabel("Heure", { exact: true }).fill(hhmm(minute));
  await dialog.getByLabel("Durée (minutes)").fill("15");
  await dialog.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  // Dr Weber's hours are hers: an afternoon she does not work is asked about, never booked silently.
  const outside = dialog.getByRole("button", { name: "Réserver hors des heures d'ouverture" });
  await expect(page.getByText(/^Rendez-vous enregistré/).or(outside)).toBeVisible();
  if (await outside.isVisible()) await outside.click();
  await expect(page.getByText(/^Rendez-vous enregistré/)).toBeVisible();

  const weberColumn = page.locator("div:has(> [data-slot='1'])");
  await expect(weberColumn.getByRole("button", { name: new RegExp(`^${hhmm(minute)}–\\d{2}:\\d{2}, ${lastName.toUpperCase()} Test`) })).toBeVisible();
  await expect(page.locator("div:has(> [data-slot='0'])").getByRole("button", { name: new RegExp(lastName.toUpperCase()) })).toHaveCount(0);
});
