import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signInOverHttp, uniqueClientIp } from "./auth";

/**
 * A fixture account signed in (own cookies and client address), on /profile. Signed in over HTTP
 * (signInOverHttp): the profile, not the sign-in, is what these tests look at, and the browser
 * renders /profile alone rather than the sign-in page and the dashboard before it.
 */
export async function profilePage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: uniqueClientIp() });
  const page = await context.newPage();
  await signInOverHttp(page.request, email);
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
