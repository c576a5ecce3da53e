// The Luxembourg national identification number (« matricule ») of a person: birth date
// (YYYYMMDD), a 3-digit sequence for people born the same day, then two check digits over those
// 11 digits — Luhn (mod 10) first, Verhoeff second.

const VERHOEFF_MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function digitsOf(value: string): number[] {
  if (!/^\d+$/.test(value)) throw new RangeError("digits only");
  return [...value].map(Number);
}

/** The Luhn digit that makes `payload` + digit pass the mod-10 check. */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  digitsOf(payload)
    .reverse()
    .forEach((digit, i) => {
      const doubled = i % 2 === 0 ? digit * 2 : digit;
      sum += doubled > 9 ? doubled - 9 : doubled;
    });
  return (10 - (sum % 10)) % 10;
}

/** The Verhoeff digit that makes `payload` + digit pass the dihedral-group check. */
export function verhoeffCheckDigit(payload: string): number {
  let c = 0;
  digitsOf(payload)
    .reverse()
    .forEach((digit, i) => {
      c = VERHOEFF_MULTIPLY[c]![VERHOEFF_PERMUTE[(i + 1) % 8]![digit]!]!;
    });
  return VERHOEFF_INVERSE[c]!;
}

/** The matricule of someone born on `birthDate` (YYYY-MM-DD) with the day's sequence number. */
export function matriculeFor(birthDate: string, sequence: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError("birth date must be YYYY-MM-DD");
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError("sequence must be 0–999");
  const payload = birthDate.replaceAll("-", "") + String(sequence).padStart(3, "0");
  return `${payload}${luhnCheckDigit(payload)}${verhoeffCheckDigit(payload)}`;
}

/** True for 13 digits whose two check digits are right. */
export function isValidMatricule(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const payload = value.slice(0, 11);
  return value === `${payload}${luhnCheckDigit(payload)}${verhoeffCheckDigit(payload)}`;
}

/** « 1980 0502 123 45 »: birth date, sequence and check digits apart, as printed on documents; « — » for a file without one. */
export function formatMatricule(m: string | null): string {
  if (m === null) return "—";
  return /^\d{13}$/.test(m) ? `${m.slice(0, 4)} ${m.slice(4, 8)} ${m.slice(8, 11)} ${m.slice(11)}` : m;
}
