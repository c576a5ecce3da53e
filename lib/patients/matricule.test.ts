import { describe, expect, it } from "vitest";
import { isValidMatricule, luhnCheckDigit, matriculeFor, verhoeffCheckDigit } from "./matricule";

describe("check digit algorithms", () => {
  it("match their textbook examples", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(verhoeffCheckDigit("236")).toBe(3);
  });
});

describe("Luxembourg matricule", () => {
  it.each(["1990093012358", "1993102814564", "2001120308757", "1979122003208", "1966051507682"])("accepts %s", (m) => {
    expect(isValidMatricule(m)).toBe(true);
  });

  it("refuses a wrong check digit, a wrong length or letters", () => {
    expect(isValidMatricule("1990093012359")).toBe(false);
    expect(isValidMatricule("1990093012348")).toBe(false);
    expect(isValidMatricule("199009301235")).toBe(false);
    expect(isValidMatricule("199009301235A")).toBe(false);
  });

  it("builds a valid number from a birth date and a sequence", () => {
    expect(matriculeFor("1990-09-30", 123)).toBe("1990093012358");
    expect(isValidMatricule(matriculeFor("2024-02-29", 7))).toBe(true);
    expect(() => matriculeFor("1990-09-30", 1000)).toThrow(RangeError);
  });
});
