// Numbers as French-speaking Luxembourg writes them (« 1.234 », « 8,3 % », « 4,6 »).

const LOCALE = "fr-LU";
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** A share between 0 and 1 as a percentage; « — » when there is nothing to divide by. */
export function formatRate(share: number | null): string {
  return share === null ? "—" : percent.format(share);
}

/** An average rating out of 5, one decimal; « — » without any rating. */
export function formatRating(average: number | null): string {
  return average === null ? "—" : oneDecimal.format(average);
}
