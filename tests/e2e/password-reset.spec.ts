import { expect, test } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { alertOf, enterTotp, PASSWORD, signInOverHttp, submitSignIn, ownClientIpPerTest, uniqueClientIp } from "./support/auth";
import { mailsTo, waitForMail } from "./support/mailbox";

test.use(ownClientIpPerTest);

const SAME_ANSWER = "Si un compte Doctipro correspond à cette adresse, un courriel contenant un lien de réinitialisation vient d'être envoyé.";

async function askReset(page: import("@playwright/test").Page, email: string) {
  await page.goto("/doctor_home");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page).toHaveURL(/\/mot-de-passe-oublie/);
  await page.getByLabel("Courriel").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
}

test("reset end to end: same answer for an unknown address, link by email, new password, 2FA still asked", async ({
  playwright,
  baseURL,
  page,
  request,
}) => {
  const email = FIXTURES.reset2fa.email;
  const NEW_PASSWORD = "lanterne verte sur la moselle";
  // A session opened before the reset, to see it ended: over HTTP, password and second factor, as
  // a browser without JavaScript signs in (the sign-in is not what this test is about).
  const before = await playwright.request.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  await signInOverHttp(before, email);

  const unknown = `personne-${Date.now()}@e2e.doctipro.lu`;
  await askReset(page, unknown);
  const unknownAnswer = await page.getByRole("status").innerText();
  await askReset(page, email);
  const knownAnswer = await page.getByRole("status").innerText();
  expect(knownAnswer).toContain(SAME_ANSWER);
  expect(unknownAnswer).toBe(knownAnswer);

  const mail = await waitForMail(request, email, "Réinitialisation de votre mot de passe");
  expect(await mailsTo(request, unknown)).toHaveLength(0);
  const link = /(https?:\/\/\S+\/reinitialiser\?jeton=[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();
  const path = new URL(link!).pathname + new URL(link!).search;

  await page.goto(path);
  await page.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(`${NEW_PASSWORD}!`);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await page.getByLabel("Nouveau mot de passe").fill("motdepasse123");
  await page.getByLabel("Confirmez le mot de passe").fill("motdepasse123");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText(/trop facile à deviner/)).toBeVisible();
  await page.getByLabel("Nouveau mot de passe").fill(NEW_PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page).toHaveURL(/\/doctor_home\?reinitialise=1$/);
  await expect(page.getByText("Votre mot de passe a été modifié.")).toBeVisible();
  await waitForMail(request, email, "Votre mot de passe Doctipro a été modifié");

  // Every session of the account ended.
  // Its redirects followed: the sign-in page it ends on has no guard to send it further.
  const sentTo = await before.get("/dashboard");
  expect(sentTo.status()).toBeLessThan(400);
  expect(new URL(sentTo.url()).pathname).toBe("/doctor_home");
  await before.dispose();

  // The link works once.
  await page.goto(path);
  await expect(page.getByText("Ce lien de réinitialisation n'est plus valable")).toBeVisible();

  // The old password is gone; the new one still leads to the second factor.
  await submitSignIn(page, "doctor", email, PASSWORD);
  await expect(alertOf(page)).toHaveText("Courriel ou mot de passe incorrect.");
  await submitSignIn(page, "doctor", email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/connexion\/2fa$/);
  await enterTotp(page, email, 1);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a forged or truncated reset link is refused", async ({ page }) => {
  await page.goto("/reinitialiser?jeton=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByText("Ce lien de réinitialisation n'est plus valable")).toBeVisible();
  await page.goto("/reinitialiser");
  await expect(page.getByText("Ce lien de réinitialisation n'est plus valable")).toBeVisible();
});

test("reset requests are limited per address and network, whether the address has an account or not", async ({ page }) => {
  for (const email of [FIXTURES.resetPatient.email, `inconnu-${Date.now()}@e2e.doctipro.lu`]) {
    for (let i = 0; i < 3; i++) {
      await askReset(page, email);
      await expect(page.getByRole("status")).toContainText(SAME_ANSWER);
    }
    await askReset(page, email);
    await expect(alertOf(page)).toHaveText("Trop de demandes de réinitialisation. Réessayez dans une heure.");
    // Someone else's requests do not stop the owner, who asks from another network.
    await page.setExtraHTTPHeaders(uniqueClientIp());
    await askReset(page, email);
    await expect(page.getByRole("status")).toContainText(SAME_ANSWER);
    await page.setExtraHTTPHeaders(uniqueClientIp());
  }
});

test("malformed addresses get a message and send nothing", async ({ page }) => {
  await page.goto("/mot-de-passe-oublie");
  await page.getByLabel("Courriel").fill("pas-une-adresse");
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText("Ce courriel n'est pas valide.")).toBeVisible();
});
