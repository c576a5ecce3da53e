import { expect, test } from "@playwright/test";
import { FIXTURES } from "./fixtures/accounts";
import { ACCOUNT, PASSWORD, submitSignIn, uniqueClientIp } from "./support/auth";
import { mailsTo, waitForMail } from "./support/mailbox";
import { card, profilePage, stampSvgOf } from "./support/profile";

test("edit the details: the stamp follows as they are typed, bad input is refused next to its field, saved values come back normalised", async ({
  browser,
  baseURL,
}) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileDetails.email);
  const details = card(page, "Coordonnées");
  await details.getByLabel("Titre").selectOption("Pr");
  await details.getByLabel("Prénom").fill("Claire");
  await details.getByLabel("Nom", { exact: true }).fill("Kieffer-Majerus");
  await details.getByLabel("Spécialité").fill("Cardiologie");
  await details.getByLabel("Code prestataire").fill("12345678");
  await details.getByLabel("Rue et numéro").fill("12, rue de la Gare");
  await details.getByLabel("Code postal").fill("1234");
  await details.getByLabel("Localité").fill("Esch-sur-Alzette");
  await details.getByLabel("Téléphone").fill("+352 26 12 34 56");
  await details.getByLabel("Fax").fill("+352 26 12 34 57");
  await details.getByLabel("Site internet").fill("www.cabinet-kieffer.lu");

  // The stamp is drawn from what is typed, before anything is saved.
  await expect.poll(() => stampSvgOf(page)).toContain("Pr Claire Kieffer-Majerus");
  const svg = await stampSvgOf(page);
  for (const line of ["Cardiologie", "Code prestataire 123456-78", "12, rue de la Gare", "L-1234 Esch-sur-Alzette", "Tél. +352 26 12 34 56"]) {
    expect(svg).toContain(`>${line}</text>`);
  }

  // Wrong formats: each message next to its field, nothing saved.
  await details.getByLabel("Code prestataire").fill("1234-56");
  await details.getByLabel("Code postal").fill("L-12345");
  await details.getByLabel("Site internet").fill("javascript:alert(1)");
  await details.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(details.getByText("Le code prestataire s'écrit NNNNNN-NN : 6 chiffres, un tiret, 2 chiffres.")).toBeVisible();
  await expect(details.getByText("Le code postal s'écrit L-NNNN (ex. L-1234).")).toBeVisible();
  await expect(details.getByText("Adresse de site non valide (ex. www.cabinet-schmit.lu).")).toBeVisible();
  await expect(details.getByLabel("Code postal")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(details.getByLabel("Prénom")).toHaveValue("Test");

  // Half an address is refused too.
  await details.getByLabel("Rue et numéro").fill("3, place d'Armes");
  await details.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(details.getByText("Indiquez le code postal (L-NNNN).")).toBeVisible();
  await expect(details.getByText("Indiquez la localité.")).toBeVisible();

  await details.getByLabel("Titre").selectOption("Pr");
  await details.getByLabel("Prénom").fill("Claire");
  await details.getByLabel("Nom", { exact: true }).fill("Kieffer-Majerus");
  await details.getByLabel("Spécialité").fill("Cardiologie");
  await details.getByLabel("Code prestataire").fill("12345678");
  await details.getByLabel("Code postal").fill("l 1234");
  await details.getByLabel("Localité").fill("Esch-sur-Alzette");
  await details.getByLabel("Téléphone").fill("+352 26 12 34 56");
  await details.getByLabel("Site internet").fill("www.cabinet-kieffer.lu");
  await details.getByRole("button", { name: "Enregistrer les coordonnées" }).click();
  await expect(details.getByText("Coordonnées enregistrées.")).toBeVisible();

  await page.reload();
  await expect(details.getByLabel("Titre")).toHaveValue("Pr");
  await expect(details.getByLabel("Code prestataire")).toHaveValue("123456-78");
  await expect(details.getByLabel("Code postal")).toHaveValue("L-1234");
  await expect(details.getByLabel("Rue et numéro")).toHaveValue("3, place d'Armes");
  await expect(details.getByLabel("Site internet")).toHaveValue("https://www.cabinet-kieffer.lu");
  expect(await stampSvgOf(page)).toContain(">3, place d&apos;Armes</text>");
  // The name is the account's: the profile menu says it too.
  await expect(page.getByRole("banner")).toContainText("Pr Claire Kieffer-Majerus");

  // « Afficher sur les documents » for the stamp is kept.
  const stamp = card(page, "Cachet");
  await stamp.getByLabel("Afficher sur les documents").check();
  await expect(stamp.getByText("Le cachet figurera sur vos documents.")).toBeVisible();
  await page.reload();
  await expect(stamp.getByLabel("Afficher sur les documents")).toBeChecked();
  await page.context().close();
});

test("IBAN: each mistake gets its message and nothing is saved; a good IBAN is kept and shown by groups of 4 with its holder", async ({
  browser,
  baseURL,
}) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileBank.email);
  const bank = card(page, "Coordonnées bancaires");
  const save = () => bank.getByRole("button", { name: "Enregistrer l'IBAN" }).click();
  const cases: [iban: string, holder: string, message: string][] = [
    ["LU28 0019 4006 4475 000", "Dr Test Bank", "Un IBAN LU compte 20 caractères ; celui-ci en a 19."],
    ["LU29 0019 4006 4475 0000", "Dr Test Bank", "La clé de contrôle ne correspond pas : une erreur de frappe s'est glissée dans l'IBAN."],
    ["XX28 0019 4006 4475 0000", "Dr Test Bank", "Code pays inconnu : « XX ». Un IBAN commence par le code du pays (LU, BE, FR, DE…)."],
    ["BR18 0036 0305 0000 1000 9795 493C 1", "Dr Test Bank", "Seuls les comptes de l'espace SEPA sont acceptés (BR n'en fait pas partie)."],
    ["LU28-0019-4006", "Dr Test Bank", "Un IBAN ne contient que des lettres, des chiffres et des espaces."],
  ];
  for (const [iban, holder, message] of cases) {
    await bank.getByLabel("IBAN").fill(iban);
    await bank.getByLabel("Titulaire du compte").fill(holder);
    await save();
    await expect(bank.getByText(message)).toBeVisible();
    await expect(bank.getByLabel("IBAN")).toHaveAttribute("aria-invalid", "true");
  }
  await bank.getByLabel("IBAN").fill("LU28 0019 4006 4475 0000");
  await bank.getByLabel("Titulaire du compte").fill("");
  await save();
  await expect(bank.getByText("Indiquez le titulaire du compte.")).toBeVisible();
  await page.reload();
  await expect(bank.getByTestId("saved-iban")).toHaveCount(0);
  await expect(bank.getByLabel("IBAN")).toHaveValue("");

  await bank.getByLabel("IBAN").fill("lu280019400644750000");
  await bank.getByLabel("Titulaire du compte").fill("Dr Test profile-bank");
  await save();
  await expect(bank.getByText("Coordonnées bancaires enregistrées.")).toBeVisible();
  await page.reload();
  await expect(bank.getByTestId("saved-iban")).toHaveText("LU28 0019 4006 4475 0000");
  await expect(bank).toContainText("LU28 0019 4006 4475 0000 — Dr Test profile-bank");
  await expect(bank.getByLabel("IBAN")).toHaveValue("LU28 0019 4006 4475 0000");
  await page.context().close();
});

test("IBAN and Payconiq id are checked by the server too (JavaScript off)", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  await page.goto("/doctor_home");
  await page.getByLabel("Courriel").fill(FIXTURES.profileBank.email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "S'identifier" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/profile");
  const bank = card(page, "Coordonnées bancaires");
  await bank.getByLabel("IBAN").fill("LU28 0019 4006 4475 00");
  await bank.getByLabel("Titulaire du compte").fill("Quelqu'un d'autre");
  await bank.getByRole("button", { name: "Enregistrer l'IBAN" }).click();
  await expect(card(page, "Coordonnées bancaires").getByText("Un IBAN LU compte 20 caractères ; celui-ci en a 18.")).toBeVisible();
  const payments = card(page, "Paiements et services externes");
  await payments.getByLabel("ID Marchand Payconiq").fill("pas-un-identifiant");
  await payments.getByRole("button", { name: "Enregistrer l'ID Marchand" }).click();
  await expect(card(page, "Paiements et services externes").getByText(/L'ID Marchand Payconiq se compose de 24 caractères/)).toBeVisible();
  await context.close();
});

test("Payconiq: a wrong id is refused, a good one shows the invoice QR code and is kept; the account security card leads to the 2FA activation", async ({
  browser,
  baseURL,
}) => {
  const page = await profilePage(browser, baseURL, FIXTURES.profileBank.email);
  const payments = card(page, "Paiements et services externes");
  await expect(payments.getByText("Le code QR apparaît ici avec un ID Marchand valide.")).toBeVisible();
  await payments.getByLabel("ID Marchand Payconiq").fill("5c8a7b2e9f1d4a0012ab34c");
  await payments.getByRole("button", { name: "Enregistrer l'ID Marchand" }).click();
  await expect(payments.getByText(/L'ID Marchand Payconiq se compose de 24 caractères/)).toBeVisible();
  await expect(payments.getByTestId("payconiq-qr")).toHaveCount(0);

  await payments.getByLabel("ID Marchand Payconiq").fill("5C8A7B2E9F1D4A0012AB34CD");
  const qr = payments.getByTestId("payconiq-qr");
  await expect(qr).toHaveAttribute("data-link", "https://payconiq.com/t/1/5c8a7b2e9f1d4a0012ab34cd?D=Consultation&A=5480&R=MH-2026-0042");
  expect(decodeURIComponent((await qr.getAttribute("src"))!)).toMatch(/<svg[\s\S]*<path/);
  await expect(payments.getByText("Exemple : mémoire d'honoraires MH-2026-0042, 54,80 €.")).toBeVisible();
  await payments.getByRole("button", { name: "Enregistrer l'ID Marchand" }).click();
  await expect(payments.getByText("ID Marchand Payconiq enregistré.")).toBeVisible();
  await page.reload();
  await expect(payments.getByLabel("ID Marchand Payconiq")).toHaveValue("5c8a7b2e9f1d4a0012ab34cd");
  await expect(payments.getByTestId("payconiq-qr")).toBeVisible();

  // « la section dédiée » of the guide: the profile says whether 2FA is on and leads to its page.
  const security = card(page, "Sécurité du compte");
  await expect(security.getByRole("status")).toHaveText("Double authentification (2FA) : non activée");
  await security.getByRole("link", { name: "Gérer la double authentification" }).click();
  await expect(page).toHaveURL(/\/securite$/);
  await expect(page.getByRole("heading", { name: "Sécurité du compte", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Activer la double authentification" })).toBeVisible();
  await page.context().close();
});

test("change the email: password asked, taken address refused, the new address confirmed by its link, the old one told", async ({
  browser,
  baseURL,
  request,
}) => {
  const oldEmail = FIXTURES.profileEmail.email;
  const newEmail = "profile-email-nouvelle@e2e.doctipro.lu";
  const page = await profilePage(browser, baseURL, oldEmail);
  const box = card(page, "Courriel");
  await box.getByRole("button", { name: "Changer d'adresse" }).click();
  await box.getByLabel("Nouvelle adresse").fill(newEmail);
  await box.getByLabel("Votre mot de passe").fill("pas le bon mot de passe");
  await box.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(box.getByText("Mot de passe incorrect.")).toBeVisible();
  await box.getByLabel("Nouvelle adresse").fill(ACCOUNT.doctor);
  await box.getByLabel("Votre mot de passe").fill(PASSWORD);
  await box.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(box.getByText("Cette adresse est déjà celle d'un autre compte Doctipro.")).toBeVisible();
  await box.getByLabel("Nouvelle adresse").fill("pas-une-adresse");
  await box.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(box.getByText("Ce courriel n'est pas valide.")).toBeVisible();
  expect(await mailsTo(request, ACCOUNT.doctor)).toEqual([]);

  await box.getByLabel("Nouvelle adresse").fill(newEmail.toUpperCase());
  await box.getByLabel("Votre mot de passe").fill(PASSWORD);
  await box.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(box.getByText(`Un lien de confirmation a été envoyé à ${newEmail}.`, { exact: false })).toBeVisible();
  // Until the link is followed, the account keeps its address.
  await page.reload();
  await expect(box.getByTestId("account-email")).toHaveText(oldEmail);

  const mail = await waitForMail(request, newEmail, "Confirmez votre nouvelle adresse Doctipro");
  const link = /(https?:\/\/\S+\/confirmer-courriel\?jeton=[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeDefined();
  const path = new URL(link!).pathname + new URL(link!).search;
  const confirm = await browser.newPage({ baseURL });
  await confirm.goto(path);
  await expect(confirm.getByText(newEmail)).toBeVisible();
  await confirm.getByRole("button", { name: "Confirmer la nouvelle adresse" }).click();
  await expect(confirm.getByText(`C'est fait : votre compte utilise désormais l'adresse ${newEmail}. Connectez-vous avec elle.`)).toBeVisible();
  await confirm.goto(path);
  await expect(confirm.getByText(/Ce lien n'est plus valable/)).toBeVisible();
  await confirm.close();

  const notice = await waitForMail(request, oldEmail, "L'adresse de votre compte Doctipro a changé");
  expect(notice.text).toContain(newEmail);
  await page.reload();
  await expect(box.getByTestId("account-email")).toHaveText(newEmail);

  const fresh = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const signIn = await fresh.newPage();
  await submitSignIn(signIn, "doctor", newEmail);
  await expect(signIn).toHaveURL(/\/dashboard$/);
  await fresh.close();
  await page.context().close();
});
