import type { PatientNoMatriculeReason } from "@/db/schema";
import { parseDay, todayIn } from "@/lib/time/luxembourg";
import { isValidMatricule } from "./matricule";
import { normalizePhone } from "./phone";

// What a patient file must be (pure, client-safe): the form's schema gives each rule's French
// message, the domain refuses the same things whoever calls it.

export const NO_MATRICULE_REASONS = ["visitor", "insured_abroad", "newborn", "other"] as const satisfies readonly PatientNoMatriculeReason[];

export type PatientInput = {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** 13 digits, or null with a reason. */
  matricule: string | null;
  noMatriculeReason: PatientNoMatriculeReason | null;
  /** E.g. a European health insurance card number, when there is no matricule. */
  otherIdentifier: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  address: string | null;
};

export type PatientProblem =
  "first-name" | "last-name" | "birth-date" | "matricule" | "matricule-birth-date" | "reason" | "other-identifier" | "email" | "phone" | "address";

export const NAME_MAX = 60;
export const OTHER_IDENTIFIER_MAX = 40;
export const ADDRESS_MAX = 300;
export const EMAIL_MAX = 254;
const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A birth date typed « 12/03/1985 », « 12.03.1985 » or « 1985-03-12 », as YYYY-MM-DD; null otherwise. */
export function parseBirthDate(text: string): string | null {
  const typed = text.trim();
  const french = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(typed);
  const iso = french ? `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}` : typed;
  return parseDay(iso);
}

/** The birth date a matricule encodes (its first 8 digits), YYYY-MM-DD. */
export function matriculeBirthDate(matricule: string): string {
  return `${matricule.slice(0, 4)}-${matricule.slice(4, 6)}-${matricule.slice(6, 8)}`;
}

/** « 1980 0502 123 45 » → « 1980050212345 ». */
export function compactMatricule(typed: string): string {
  return typed.replace(/[\s.-]/g, "");
}

/** The first thing wrong with a file, or null. `now` bounds the birth date (no one is born tomorrow). */
export function patientProblem(input: PatientInput, now: Date = new Date()): PatientProblem | null {
  const name = (s: string) => typeof s === "string" && [...s].length >= 1 && [...s].length <= NAME_MAX && NAME.test(s);
  if (!name(input.lastName)) return "last-name";
  if (!name(input.firstName)) return "first-name";
  if (parseDay(input.birthDate) === null || input.birthDate > todayIn(now)) return "birth-date";
  if (input.matricule !== null) {
    if (!isValidMatricule(input.matricule)) return "matricule";
    if (matriculeBirthDate(input.matricule) !== input.birthDate) return "matricule-birth-date";
    if (input.noMatriculeReason !== null) return "reason";
  } else if (input.noMatriculeReason === null || !NO_MATRICULE_REASONS.includes(input.noMatriculeReason)) return "reason";
  if (
    input.otherIdentifier !== null &&
    ([...input.otherIdentifier].length > OTHER_IDENTIFIER_MAX || CONTROL.test(input.otherIdentifier) || input.otherIdentifier.trim() === "")
  ) {
    return "other-identifier";
  }
  if (
    input.email !== null &&
    (input.email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email !== input.email.toLowerCase())
  )
    return "email";
  if (input.phone !== null) {
    const parsed = normalizePhone(input.phone);
    if (parsed.kind !== "ok" || parsed.e164 !== input.phone) return "phone";
  }
  if (
    input.address !== null &&
    ([...input.address].length > ADDRESS_MAX || /[\p{Cc}]/u.test(input.address.replace(/\n/g, "")) || input.address.trim() === "")
  ) {
    return "address";
  }
  return null;
}
