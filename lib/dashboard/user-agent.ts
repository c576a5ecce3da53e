import { UAParser } from "ua-parser-js";

// ua-parser-js is AGPL-3.0 from version 2 on; it is used here only, so replacing it (1.0.x is MIT,
// same data for the browsers we support) touches this file alone. See docs/decisions/0007.

export type DeviceDescription = { browser: string; os: string };

/** « Edge 131 » / « Windows 10 » from a User-Agent header; French placeholders when unknown. */
export function describeUserAgent(userAgent: string): DeviceDescription {
  const { browser, os, device } = UAParser(userAgent);
  const browserName = [browser.name, browser.major].filter(Boolean).join(" ");
  const osName = [os.name, os.version].filter(Boolean).join(" ");
  const mobile = device.type === "mobile" || device.type === "tablet";
  return {
    browser: browserName || "Navigateur inconnu",
    os: osName ? `${osName}${mobile ? ` (${device.type === "tablet" ? "tablette" : "mobile"})` : ""}` : "Système inconnu",
  };
}
