import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, isOversizedBody } from "./body-limit";

describe("isOversizedBody", () => {
  it("lets a form of up to 1 MB through, and refuses a larger one", () => {
    expect(isOversizedBody("/profile", String(ACTION_BODY_LIMIT))).toBe(false);
    expect(isOversizedBody("/profile", String(ACTION_BODY_LIMIT + 1))).toBe(true);
    expect(isOversizedBody("/doctor_home", "5000000")).toBe(true);
  });

  it("gives the signature upload its own 2 MB limit", () => {
    expect(isOversizedBody("/profile/signature", String(2 * 1024 * 1024))).toBe(false);
    expect(isOversizedBody("/profile/signature", String(3 * 1024 * 1024))).toBe(true);
  });

  it("leaves a body without a length to the handler, and refuses a nonsense length", () => {
    expect(isOversizedBody("/profile", null)).toBe(false);
    expect(isOversizedBody("/profile", "abc")).toBe(true);
  });
});
