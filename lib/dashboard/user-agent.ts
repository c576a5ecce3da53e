import { UAParser } from "ua-parser-js";

// ua-parser-js is AGPL-3.0 from version 2 on; it is used here only, so replacing it (1.0.x is MIT,
// same data for the browsers we support) touches this file alone (docs/decisions/0007).

export type DeviceDescription = { browser: string; os: string };

// Parsing costs 0.1–0.5 ms (dozens of regular expressions), 20 times per history page, while a
// practice signs in from a handful of browsers: remember the last few hundred answers. A pure
// function's cache, per process; nothing here needs sharing between instances.
const MEMORY = 500;
const remembered = new Map<string, DeviceDescription>();

function parse(userAgent: string): DeviceDescription {
  // Only the three parts shown, not the engine and CPU a full parse also works out.
  const parser = new UAParser(userAgent);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const device = parser.getDevice();
  const browserName = [browser.name, browser.major].filter(Boolean).join(" ");
  const osName = [os.name, os.version].filter(Boolean).join(" ");
  const mobile = device.type === "mobile" || device.type === "tablet";
  return {
    browser: browserName || "Navigateur inconnu",
    os: osName ? `${osName}${mobile ? ` (${device.type === "tablet" ? "tablette" : "mobile"})` : ""}` : "Système inconnu",
  };
}

/** « Edge 131 » / « Windows 10 » from a User-Agent header; French placeholders when unknown. */
export function describeUserAgent(userAgent: string): DeviceDescription {
  const known = remembered.get(userAgent);
  if (known) return known;
  const description = parse(userAgent);
  if (remembered.size >= MEMORY) remembered.delete(remembered.keys().next().value!);
  remembered.set(userAgent, description);
  return description;
}
