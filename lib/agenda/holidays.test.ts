import { describe, expect, it } from "vitest";
import { publicHolidays, publicHolidaysBetween } from "./holidays";

describe("Luxembourg public holidays", () => {
  it("2027: the eleven legal ones, Good Friday and Easter Sunday left open", () => {
    expect(publicHolidays(2027).map((h) => h.day)).toEqual([
      "2027-01-01", // New Year
      "2027-03-29", // Easter Monday
      "2027-05-01", // Labour Day
      "2027-05-06", // Ascension
      "2027-05-09", // Europe Day
      "2027-05-17", // Whit Monday
      "2027-06-23", // National Day
      "2027-08-15", // Assumption
      "2027-11-01", // All Saints
      "2027-12-25", // Christmas
      "2027-12-26", // St Stephen
    ]);
    const days = publicHolidays(2027).map((h) => h.day);
    expect(days).not.toContain("2027-03-26"); // Good Friday
    expect(days).not.toContain("2027-03-28"); // Easter Sunday
  });

  it("names them in French", () => {
    const names = Object.fromEntries(publicHolidays(2027).map((h) => [h.day, h.name]));
    expect(names["2027-03-29"]).toBe("Lundi de Pâques");
    expect(names["2027-06-23"]).toBe("Fête nationale");
    expect(names["2027-05-09"]).toMatch(/^Journée de l.Europe$/);
  });

  it("a range across New Year takes both years", () => {
    expect(publicHolidaysBetween("2026-12-24", "2027-01-02").map((h) => h.day)).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);
  });
});
