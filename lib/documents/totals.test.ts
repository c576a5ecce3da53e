import { describe, expect, it } from "vitest";
import { centsToInput, lineTotalCents, readEuros, totalCents } from "./totals";

describe("amounts in euros → integer cents", () => {
  it.each([
    ["54,80", 5480],
    ["54.8", 5480],
    ["54", 5400],
    ["0,01", 1],
    [" 1 234,50 ", 123450],
    ["99999,99", 9_999_999],
  ])("%s → %i cents", (input, cents) => expect(readEuros(input)).toEqual({ ok: true, cents }));

  it("reads digits, never a float: 0,1 + 0,2 is exactly 30 cents", () => {
    const a = readEuros("0,1");
    const b = readEuros("0,2");
    expect(a.ok && b.ok && a.cents + b.cents).toBe(30);
    expect(0.1 + 0.2).not.toBe(0.3);
    // 1,15 € × 100 as a float is 114.99999999999999.
    expect(readEuros("1,15")).toEqual({ ok: true, cents: 115 });
    expect(readEuros("4,35")).toEqual({ ok: true, cents: 435 });
  });

  it.each([
    ["12,345", /deux décimales/],
    ["-5", /négatif/],
    ["0", /supérieur à 0/],
    ["100000", /99 999,99/],
    ["12,3,4", /non valide/],
    ["1e3", /non valide/],
    ["", /Saisissez/],
  ])("refuses %j", (input, message) => {
    const read = readEuros(input);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });

  it("writes cents back as typed in the form", () => {
    expect(centsToInput(5480)).toBe("54,80");
    expect(centsToInput(5)).toBe("0,05");
  });
});

describe("totals", () => {
  it("multiplies and adds integers", () => {
    const lines = [
      { quantity: 3, unitCents: 115 },
      { quantity: 1, unitCents: 5480 },
      { quantity: 99, unitCents: 1 },
    ];
    expect(lines.map(lineTotalCents)).toEqual([345, 5480, 99]);
    expect(totalCents(lines)).toBe(5924);
    expect(totalCents([])).toBe(0);
  });

  it("refuses a fractional amount rather than rounding it", () => {
    expect(() => lineTotalCents({ quantity: 1, unitCents: 54.8 })).toThrow(RangeError);
  });
});
