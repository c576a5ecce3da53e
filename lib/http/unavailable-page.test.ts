import { describe, expect, it } from "vitest";
import { staticSecurityHeaders } from "./security-headers";
import { RETRY_AFTER_SECONDS, unavailableHeaders } from "./unavailable-page";

describe("unavailableHeaders (the 503 server.ts answers while PostgreSQL is down)", () => {
  it("carries every static security header the app's pages carry", () => {
    for (const json of [false, true]) {
      const headers = unavailableHeaders(json);
      for (const { key, value } of staticSecurityHeaders()) expect(headers[key], key).toBe(value);
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["Permissions-Policy"]).toContain("camera=()");
    }
  });

  it("keeps its own strict policy, no cache and the retry delay", () => {
    const html = unavailableHeaders(false);
    expect(html["Content-Security-Policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(html).toMatchObject({ "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/html; charset=utf-8" });
    expect(unavailableHeaders(true)["Content-Type"]).toBe("application/json; charset=utf-8");
  });
});
