import Holidays from "date-holidays";

// Luxembourg's public holidays, from date-holidays' maintained table rather than a hand-made
// list. Only the days of type « public » close a practice: the table also lists observances
// (Good Friday and Easter Sunday in 2027), which stay open. A practice may open any holiday
// (holiday_openings).

export type PublicHoliday = { day: string; name: string };

const byYear = new Map<number, PublicHoliday[]>();
let table: Holidays | null = null;

/** The public holidays of `year`, in date order, with their French names. */
export function publicHolidays(year: number): PublicHoliday[] {
  let found = byYear.get(year);
  if (!found) {
    table ??= new Holidays("LU");
    found = table
      .getHolidays(year, "fr")
      .filter((h) => h.type === "public")
      .map((h) => ({ day: h.date.slice(0, 10), name: h.name }));
    byYear.set(year, found);
  }
  return found;
}

/** The public holidays from `from` to `to`, both calendar days included. */
export function publicHolidaysBetween(from: string, to: string): PublicHoliday[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years.flatMap(publicHolidays).filter((h) => h.day >= from && h.day <= to);
}
