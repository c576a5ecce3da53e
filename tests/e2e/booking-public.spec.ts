import { expect, test } from "@playwright/test";
import { LAST_NAMES } from "@/seed/luxembourg-names";
import { FIXTURES } from "./fixtures/accounts";
import { signedInPage, uniqueClientIp } from "./support/auth";

// The public booking pages (issue 18), as an anonymous visitor on a phone: finding a demo doctor,
// her motifs and free times a week at a time, the jump to the next free time, and a doctor with
// online booking off giving the phone. These pages show free times only: no patient's name, no
// reason for a taken time.

test.use({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: uniqueClientIp() });

const DOCTOR_NAMES = new Set(["Schmit", "Weber", "Hoffmann"]);

test("an anonymous visitor finds Dr Weber, sees her motifs and free times week by week, and nothing about her patients", async ({ page }) => {
  await page.goto("/rdv");
  await expect(page.getByRole("heading", { name: "Prendre rendez-vous en ligne" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Nom, spécialité ou localité" }).fill("pédiatrie");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/rdv\?q=p%C3%A9diatrie$/);
  await page.getByRole("link", { name: /Dr Anne Weber/ }).click();

  await expect(page).toHaveURL(/\/rdv\/dr-anne-weber$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dr Anne Weber" })).toBeVisible();
  await expect(page.getByText("Esch-sur-Alzette")).toBeVisible();
  const motifs = page.getByRole("region", { name: "Motif du rendez-vous" }).getByRole("link");
  await expect(motifs.filter({ hasText: "Consultation" })).toHaveAttribute("aria-current", "true");
  // « Certificat scolaire ou sportif » is not bookable online.
  await expect(motifs.filter({ hasText: "Certificat" })).toHaveCount(0);

  // The next free time, and a link to book each time shown (Dr Weber keeps 16:00–18:00 off line).
  await expect(page.getByText("Prochain créneau disponible :")).toBeVisible();
  await page.getByRole("link", { name: /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) / }).click();
  await expect(page).toHaveURL(/semaine=\d{4}-\d{2}-\d{2}/);
  const times = page.getByRole("link", { name: /^Réserver le / });
  await expect(times.first()).toBeVisible();
  for (const label of await times.allTextContents()) expect(label.slice(0, 5) < "16:00", label).toBe(true);
  const href = await times.first().getAttribute("href");
  expect(href).toMatch(/^\/rdv\/dr-anne-weber\/reserver\?motif=[0-9a-f-]{36}&debut=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A00\.000Z$/);

  // Week by week through the address bar.
  const week = new URL(page.url()).searchParams.get("semaine")!;
  const following = new Date(new Date(`${week}T00:00:00Z`).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("link", { name: "Semaine suivante →" }).click();
  await expect(page).toHaveURL(new RegExp(`semaine=${following}`));
  await expect(page.getByRole("heading", { name: /^Semaine du / })).toBeVisible();
  await page.getByRole("link", { name: "← Semaine précédente" }).click();
  await expect(page).toHaveURL(new RegExp(`semaine=${week}`));

  // Another motif keeps the week.
  await motifs.filter({ hasText: "Vaccination" }).click();
  await expect(page).toHaveURL(new RegExp(`semaine=${week}`));
  await expect(motifs.filter({ hasText: "Vaccination" })).toHaveAttribute("aria-current", "true");

  // Nothing about who is booked: no patient's last name anywhere on the page, no reviews block.
  const text = await page.locator("body").innerText();
  const revealed = LAST_NAMES.filter((name) => !DOCTOR_NAMES.has(name) && new RegExp(`\\b${name}\\b`).test(text));
  expect(revealed).toEqual([]);
  await expect(page.getByRole("heading", { name: "Avis des patients" })).toHaveCount(0);

  // Dr Schmit shows his reviews; an unknown doctor is « introuvable ».
  await page.goto("/rdv/dr-paul-schmit");
  await expect(page.getByRole("heading", { name: "Avis des patients" })).toBeVisible();
  const missing = await page.goto("/rdv/dr-personne");
  expect(missing?.status()).toBe(404);
});

test("a doctor who turns online booking off: the public page says so and gives the phone", async ({ browser, page }, testInfo) => {
  const doctor = await signedInPage(browser, testInfo.project.use.baseURL, FIXTURES.bookingOffDoctor.email, uniqueClientIp(), { land: false });
  await doctor.goto("/agenda/parametres#reservation-en-ligne");
  const form = doctor.getByRole("form", { name: "Prise de rendez-vous en ligne" });
  await expect(form.getByRole("checkbox", { name: "Accepter les rendez-vous en ligne" })).not.toBeChecked();
  await form.getByRole("combobox", { name: "Réservable jusqu'à" }).selectOption("4");
  await form.getByRole("button", { name: "Enregistrer la réservation en ligne" }).click();
  await expect(form.getByText("Réglages enregistrés : la réservation en ligne est désactivée.")).toBeVisible();
  await expect(form.getByRole("link", { name: "/rdv/dr-test-rdv-ferme" })).toBeVisible();
  await doctor.context().close();

  await page.goto("/rdv/dr-test-rdv-ferme");
  await expect(page.getByRole("heading", { level: 1, name: "Dr Test rdv-ferme" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pas de rendez-vous en ligne pour le moment" })).toBeVisible();
  await expect(page.getByRole("link", { name: "+352 27 00 11 22" }).first()).toHaveAttribute("href", "tel:+35227001122");
  await expect(page.getByRole("link", { name: /^Réserver le / })).toHaveCount(0);
  // Not listed among the doctors taking online bookings.
  await page.goto("/rdv?q=rdv-ferme");
  await expect(page.getByText(/Aucun médecin ne correspond/)).toBeVisible();
});
