import { expect, storedSessionPage, test } from "./fixtures/signed-in";
import { FIXTURES } from "./fixtures/accounts";
import { signedInPage, uniqueClientIp } from "./support/auth";
import { expectNoHorizontalOverflow, expectWithinWidth } from "./support/layout";

// Layout on a phone (390 px): what the fixed chat bubble and long unbroken text must not hide.
// signedInPage opens its own context, so each test sets the width itself.

test("at the bottom of a page, the chat bubble leaves the last controls clear", async ({ browser }, testInfo) => {
  const page = await storedSessionPage(browser, testInfo, "doctor", { viewport: { width: 390, height: 800 } });
  await page.goto("/patients?page=2");
  const previous = page.getByRole("link", { name: "← Précédents" });
  await expect(previous).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const bubble = page.getByRole("button", { name: "Chat avec le support" });
  // Scrolled to the end, the button sits above the bubble (and its white ring).
  await expect
    .poll(async () => (await bubble.boundingBox())!.y - 4 - ((await previous.boundingBox())!.y + (await previous.boundingBox())!.height))
    .toBeGreaterThanOrEqual(0);
  await expectNoHorizontalOverflow(page);
  await page.context().close();
});

test("a long secretary address wraps: « Détacher » keeps the card's padding", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, baseURL, FIXTURES.layoutDoctor.email, uniqueClientIp(), { land: false });
  await page.setViewportSize({ width: 390, height: 800 });
  for (const path of ["/secretaires", "/profile"]) {
    await page.goto(path);
    const row = page.getByRole("listitem").filter({ hasText: FIXTURES.layoutSecretary.email });
    await expect(row).toBeVisible();
    // The row spans the card's content box: inside it, the button is as far from the right edge as the name from the left.
    await expectWithinWidth(row.getByRole("button", { name: "Détacher Test Mise-en-page" }), row);
    await expectNoHorizontalOverflow(page);
  }
  await page.context().close();
});

test("on a phone the header is one row and the navigation a « Menu » button", async ({ browser }, testInfo) => {
  const page = await storedSessionPage(browser, testInfo, "doctor", { viewport: { width: 390, height: 800 } });
  await page.goto("/dashboard");
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(65);
  // The links are behind the button, not cut off in a sideways strip.
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
  const menu = header.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  for (const link of await nav.getByRole("link").all()) await expectWithinWidth(link);
  await page.screenshot({ path: test.info().outputPath("phone-menu-open.png") });
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await nav.getByRole("link", { name: "Patients" }).click();
  await expect(page).toHaveURL(/\/patients$/);
  await expect(nav).toBeHidden();
  await expectNoHorizontalOverflow(page);

  // At desktop width the navigation is the left column, without the button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  await page.context().close();
});
