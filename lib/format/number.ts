// Numbers as the app writes them in French (« 1 234 », « 8,3 % », « 4,6 »). Client-safe.

const LOCALE = "fr-LU";
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * « 4 000 »: a whole number grouped by thousands with a narrow no-break space, the same on the
 * server and in every browser (no Intl: fr-LU groups with a dot, and browsers disagree on spaces).
 */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** A share between 0 and 1 as a percentage; « — » when there is nothing to divide by. */
export function formatRate(share: number | null): string {
  return share === null ? "—" : percent.format(share);
}

/** An average rating out of 5, one decimal; « — » without any rating. */
export function formatRating(average: number | null): string {
  return average === null ? "—" : oneDecimal.format(average);
}
