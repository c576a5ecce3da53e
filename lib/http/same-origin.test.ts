import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./same-origin";

describe("isCrossSiteWrite", () => {
  it("lets the site's own pages write", () => {
    expect(isCrossSiteWrite("POST", "https://portail.doctipro.lu", "portail.doctipro.lu")).toBe(false);
    expect(isCrossSiteWrite("POST", "http://localhost:3000", "localhost:3000")).toBe(false);
    expect(isCrossSiteWrite("DELETE", "https://PORTAIL.doctipro.lu", "portail.doctipro.lu")).toBe(false);
  });

  it("refuses a write from another site, another port or an opaque origin", () => {
    expect(isCrossSiteWrite("POST", "https://evil.example", "portail.doctipro.lu")).toBe(true);
    expect(isCrossSiteWrite("POST", "https://portail.doctipro.lu.evil.example", "portail.doctipro.lu")).toBe(true);
    expect(isCrossSiteWrite("PUT", "http://localhost:4000", "localhost:3000")).toBe(true);
    expect(isCrossSiteWrite("POST", "null", "portail.doctipro.lu")).toBe(true);
    expect(isCrossSiteWrite("POST", "not a url", "portail.doctipro.lu")).toBe(true);
    expect(isCrossSiteWrite("PATCH", "https://evil.example", null)).toBe(true);
  });

  it("leaves reads and requests without an Origin to the guards", () => {
    expect(isCrossSiteWrite("GET", "https://evil.example", "portail.doctipro.lu")).toBe(false);
    expect(isCrossSiteWrite("HEAD", "https://evil.example", "portail.doctipro.lu")).toBe(false);
    expect(isCrossSiteWrite("POST", null, "portail.doctipro.lu")).toBe(false);
  });
});
