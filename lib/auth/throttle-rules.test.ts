import { describe, expect, it } from "vitest";
import { delayAfterFailures, FORGET_AFTER_SECONDS, MAX_DELAY_SECONDS, secondsToWait } from "./throttle-rules";

describe("delayAfterFailures", () => {
  it("lets the first four account failures through without delay", () => {
    for (let n = 0; n < 5; n++) expect(delayAfterFailures(n, "account")).toBe(0);
  });

  it("starts at 1 s on the fifth failure and doubles", () => {
    expect([5, 6, 7, 8, 9].map((n) => delayAfterFailures(n, "account"))).toEqual([1, 2, 4, 8, 16]);
  });

  it("never exceeds 15 minutes, even after thousands of failures", () => {
    expect(delayAfterFailures(15, "account")).toBe(MAX_DELAY_SECONDS);
    expect(delayAfterFailures(10_000, "account")).toBe(MAX_DELAY_SECONDS);
  });

  it("tolerates more failures from one IP than on one account", () => {
    expect(delayAfterFailures(10, "ip")).toBe(0);
    expect(delayAfterFailures(20, "ip")).toBe(1);
  });
});

describe("secondsToWait", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it("is zero with no failure recorded", () => {
    expect(secondsToWait(undefined, "account", now)).toBe(0);
  });

  it("counts the delay from the last failure", () => {
    expect(secondsToWait({ failures: 8, lastFailureAt: ago(3) }, "account", now)).toBe(5);
    expect(secondsToWait({ failures: 8, lastFailureAt: ago(8) }, "account", now)).toBe(0);
  });

  it("forgets failures an hour after the last one: never a permanent block", () => {
    expect(secondsToWait({ failures: 500, lastFailureAt: ago(600) }, "account", now)).toBe(MAX_DELAY_SECONDS - 600);
    expect(secondsToWait({ failures: 500, lastFailureAt: ago(FORGET_AFTER_SECONDS) }, "account", now)).toBe(0);
  });
});
