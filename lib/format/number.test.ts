import { describe, expect, it } from "vitest";
import { formatCount } from "./number";

describe("formatCount", () => {
  it("groups thousands with a narrow no-break space", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1000)).toBe("1\u202f000");
    expect(formatCount(1234567)).toBe("1\u202f234\u202f567");
    expect(formatCount(-4000)).toBe("-4\u202f000");
  });

  it("writes a whole number", () => {
    expect(formatCount(1234.6)).toBe("1\u202f235");
  });
});
