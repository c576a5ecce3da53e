// Money is kept in integer cents and shown in euros the Luxembourg way, through this helper only.

const EUROS = new Intl.NumberFormat("fr-LU", { style: "currency", currency: "EUR" });

/** 5480 → « 54,80 € ». */
export function formatCents(cents: number): string {
  return EUROS.format(cents / 100);
}
