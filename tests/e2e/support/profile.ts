import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signedInPage, uniqueClientIp } from "./auth";

/** A fixture account signed in (own cookies and client address), on /profile. */
export async function profilePage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const page = await signedInPage(browser, baseURL, email, uniqueClientIp());
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profil du praticien" })).toBeVisible();
  return page;
}

/** A card of the profile page, by its title. */
export function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

/** The stamp preview's SVG source, decoded from its data: URL. */
export async function stampSvgOf(page: Page): Promise<string> {
  const src = await page.getByTestId("stamp-preview").getAttribute("src");
  return decodeURIComponent(src!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ""));
}
