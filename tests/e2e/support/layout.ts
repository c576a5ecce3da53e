import { expect, type Locator, type Page } from "@playwright/test";

/** The page does not scroll sideways: nothing is wider than the window. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

/** The element is shown whole across the window's width (and, if given, inside `container`). */
export async function expectWithinWidth(locator: Locator, container?: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const width = await locator.page().evaluate(() => window.innerWidth);
  const outer = container ? (await container.boundingBox())! : { x: 0, width };
  expect(box.x, "left edge").toBeGreaterThanOrEqual(Math.max(0, outer.x) - 0.5);
  expect(box.x + box.width, "right edge").toBeLessThanOrEqual(Math.min(width, outer.x + outer.width) + 0.5);
}
