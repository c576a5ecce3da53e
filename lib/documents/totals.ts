// Fee-note arithmetic, in integer cents only: an amount typed in euros is read digit by digit
// (never through a floating-point number), and totals are sums of integer products. Pure: the form
// shows the same total the server stores.

/** Highest amount of one act and highest total of a note: 99 999,99 €, far above any CNS tariff. */
export const MAX_CENTS = 9_999_999;
export const MAX_QUANTITY = 99;

export type AmountReading = { ok: true; cents: number } | { ok: false; message: string };

/** « 54,80 », « 54.8 », « 54 » → cents. Refuses a third decimal, a sign, a thousands separator. */
export function readEuros(input: string): AmountReading {
  const s = input.trim().replace(/\s/g, "");
  if (s === "") return { ok: false, message: "Saisissez le montant." };
  if (s.startsWith("-")) return { ok: false, message: "Le montant ne peut pas être négatif." };
  const m = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) {
    if (/^\d+[.,]\d{3,}$/.test(s)) return { ok: false, message: "Le montant a deux décimales au plus (ex. 54,80)." };
    if (/^\d{6,}([.,]\d*)?$/.test(s)) return { ok: false, message: "Le montant ne peut pas dépasser 99 999,99 €." };
    return { ok: false, message: "Montant non valide : écrivez-le en euros, ex. 54,80." };
  }
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents <= 0) return { ok: false, message: "Le montant doit être supérieur à 0 €." };
  return { ok: true, cents };
}

/** 5480 → « 54,80 », as typed in the form (no currency sign). */
export function centsToInput(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
}

export type PricedLine = { quantity: number; unitCents: number };

export function lineTotalCents(line: PricedLine): number {
  if (!Number.isSafeInteger(line.quantity) || !Number.isSafeInteger(line.unitCents)) throw new RangeError("cents and quantities are integers");
  return line.quantity * line.unitCents;
}

export function totalCents(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotalCents(line), 0);
}
