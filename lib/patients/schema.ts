import * as z from "@/lib/forms/zod";
import { formatCalendarDate } from "@/lib/format/datetime";
import {
  ADDRESS_MAX,
  compactMatricule,
  EMAIL_MAX,
  matriculeBirthDate,
  NAME_MAX,
  NO_MATRICULE_REASONS,
  OTHER_IDENTIFIER_MAX,
  parseBirthDate,
  type PatientInput,
  type PatientProblem,
} from "./file-rules";
import { isValidMatricule } from "./matricule";
import { formatPhone, normalizePhone } from "./phone";
import { parseDay, todayIn } from "@/lib/time/luxembourg";

// The patient file form (« Nouveau patient », « Modifier »), shared by the browser and the server
// actions. Every message is the one shown next to the field; optional fields come out as null.

export const NO_MATRICULE_REASON_LABEL: Record<(typeof NO_MATRICULE_REASONS)[number], string> = {
  visitor: "De passage au Luxembourg",
  insured_abroad: "Assuré à l'étranger",
  newborn: "Nouveau-né, pas encore immatriculé",
  other: "Autre raison",
};

export const PATIENT_PROBLEM_MESSAGE: Record<PatientProblem, string> = {
  "last-name": "Saisissez le nom (lettres, espaces, traits d'union et apostrophes ; 60 caractères au plus).",
  "first-name": "Saisissez le prénom (lettres, espaces, traits d'union et apostrophes ; 60 caractères au plus).",
  "birth-date": "Saisissez une date de naissance au format JJ/MM/AAAA, qui ne soit pas dans le futur.",
  matricule: "Ce matricule n'est pas valide : 13 chiffres dont les deux derniers sont des chiffres de contrôle.",
  "matricule-birth-date": "Ce matricule ne correspond pas à la date de naissance saisie.",
  reason: "Sans matricule, indiquez pourquoi.",
  "other-identifier": `L'autre identifiant : ${OTHER_IDENTIFIER_MAX} caractères au plus.`,
  email: "Ce courriel n'est pas valide.",
  phone: "Numéro de téléphone non valide (ex. 621 123 456, ou +33 6 12 34 56 78 pour un numéro étranger).",
  address: `L'adresse : ${ADDRESS_MAX} caractères au plus.`,
};

const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;

const personName = (problem: "last-name" | "first-name") =>
  z
    .string({ error: PATIENT_PROBLEM_MESSAGE[problem] })
    .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
    .refine((s) => [...s].length >= 1 && [...s].length <= NAME_MAX && NAME.test(s), PATIENT_PROBLEM_MESSAGE[problem]);

const optionalText = (max: number, message: string, { multiline = false } = {}) =>
  z
    .string()
    .optional()
    .transform((s) => {
      const text = (s ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim();
      return (multiline ? text : text.replace(/\s+/g, " ")) || null;
    })
    .refine((s) => s === null || ([...s].length <= max && !/[\p{Cc}]/u.test(s.replace(/\n/g, ""))), message);

export const patientSchema = z
  .object({
    lastName: personName("last-name"),
    firstName: personName("first-name"),
    birthDate: z
      .string({ error: PATIENT_PROBLEM_MESSAGE["birth-date"] })
      .transform((s) => parseBirthDate(s))
      .refine((d) => d !== null && d <= todayIn(), PATIENT_PROBLEM_MESSAGE["birth-date"]),
    matricule: z
      .string()
      .optional()
      .transform((s) => compactMatricule(s ?? "") || null)
      .refine((m) => m === null || isValidMatricule(m), PATIENT_PROBLEM_MESSAGE.matricule),
    noMatriculeReason: z
      .union([z.literal(""), z.enum(NO_MATRICULE_REASONS)])
      .optional()
      .transform((r) => r || null),
    otherIdentifier: optionalText(OTHER_IDENTIFIER_MAX, PATIENT_PROBLEM_MESSAGE["other-identifier"]),
    email: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim().toLowerCase() || null)
      .refine((s) => s === null || (s.length <= EMAIL_MAX && z.email().safeParse(s).success), PATIENT_PROBLEM_MESSAGE.email),
    phone: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const parsed = normalizePhone(s);
        if (parsed.kind === "invalid") ctx.addIssue({ code: "custom", message: PATIENT_PROBLEM_MESSAGE.phone });
        return parsed.kind === "ok" ? parsed.e164 : null;
      }),
    address: optionalText(ADDRESS_MAX, PATIENT_PROBLEM_MESSAGE.address, { multiline: true }),
  })
  .superRefine((v, ctx) => {
    if (v.matricule && v.birthDate && matriculeBirthDate(v.matricule) !== v.birthDate) {
      ctx.addIssue({
        code: "custom",
        path: ["matricule"],
        message: parseDay(matriculeBirthDate(v.matricule))
          ? `Ce matricule correspond à une naissance le ${formatCalendarDate(matriculeBirthDate(v.matricule))} : vérifiez-le, ou la date de naissance.`
          : PATIENT_PROBLEM_MESSAGE["matricule-birth-date"],
      });
    }
    if (!v.matricule && !v.noMatriculeReason) ctx.addIssue({ code: "custom", path: ["noMatriculeReason"], message: PATIENT_PROBLEM_MESSAGE.reason });
  })
  .transform((v): PatientInput => ({
    lastName: v.lastName,
    firstName: v.firstName,
    birthDate: v.birthDate!,
    matricule: v.matricule,
    // A matricule makes the reason moot, whatever the form still had selected.
    noMatriculeReason: v.matricule ? null : v.noMatriculeReason,
    otherIdentifier: v.otherIdentifier,
    email: v.email,
    phone: v.phone,
    address: v.address,
  }));

export type PatientFormInput = z.input<typeof patientSchema>;

/** The fields the patient form posts (« noMatricule »: the « Pas de matricule » box, "1" when ticked). */
export const PATIENT_FORM_FIELDS = [
  "lastName",
  "firstName",
  "birthDate",
  "noMatricule",
  "matricule",
  "noMatriculeReason",
  "otherIdentifier",
  "email",
  "phone",
  "address",
] as const;

export type PatientFormValues = Record<(typeof PATIENT_FORM_FIELDS)[number], string>;

const ticked = (v: unknown) => v === true || v === "1" || v === "on" || v === "true";

/**
 * The form as posted: « Pas de matricule » ticked drops a matricule still typed in the hidden field;
 * not ticked, the reason and the other identifier are dropped. What is left goes through
 * patientSchema.
 */
export const patientFormSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const { noMatricule, ...rest } = raw as Record<string, unknown>;
  return ticked(noMatricule) ? { ...rest, matricule: "" } : { ...rest, noMatriculeReason: "", otherIdentifier: "" };
}, patientSchema);

/** The posted form's fields, as strings (missing ones empty). */
export function patientFormEntries(formData: FormData): PatientFormValues {
  return Object.fromEntries(
    PATIENT_FORM_FIELDS.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  ) as PatientFormValues;
}

/** An empty form; with a stored file, its values as the form shows them (birth date JJ/MM/AAAA). */
export function patientFormValues(file?: {
  lastName: string;
  firstName: string;
  birthDate: string;
  matricule: string | null;
  noMatriculeReason: string | null;
  otherIdentifier: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}): PatientFormValues {
  if (!file) return Object.fromEntries(PATIENT_FORM_FIELDS.map((f) => [f, ""])) as PatientFormValues;
  const [y, m, d] = file.birthDate.split("-");
  return {
    lastName: file.lastName,
    firstName: file.firstName,
    birthDate: y && m && d ? `${d}/${m}/${y}` : file.birthDate,
    noMatricule: file.matricule === null ? "1" : "",
    matricule: file.matricule ?? "",
    noMatriculeReason: file.noMatriculeReason ?? "",
    otherIdentifier: file.otherIdentifier ?? "",
    email: file.email ?? "",
    phone: file.phone ? formatPhone(file.phone) : "",
    address: file.address ?? "",
  };
}

/** What a successful save hands back to the form: enough for the agenda to pick the new patient at once. */
export type SavedPatient = { id: string; firstName: string; lastName: string; birthDate: string; matricule: string | null };
