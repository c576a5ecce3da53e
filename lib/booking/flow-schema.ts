import * as z from "@/lib/forms/zod";
import { emailField, signInSchema } from "@/lib/auth/schema";
import { newPasswordFields, SAME_PASSWORD } from "@/lib/auth/password-reset-schema";
import { NAME_MAX } from "@/lib/patients/file-rules";
import { PATIENT_PROBLEM_MESSAGE, patientSchema } from "@/lib/patients/schema";

// The booking flow's forms (/rdv/<médecin>/reserver), shared by the browser and the server actions.

/** What the free time's link carries: the motif and the chosen start, kept through every step. */
export const bookingChoiceSchema = z.object({
  motif: z.uuid({ error: "Ce motif n'existe pas. Choisissez un horaire sur la page du médecin." }),
  debut: z.iso
    .datetime({ offset: true, error: "Cet horaire n'est pas valide. Choisissez un horaire sur la page du médecin." })
    .transform((s) => new Date(s)),
});

export const signUpEmailSchema = z.object({ email: emailField });

export const signUpCodeSchema = z.object({
  email: emailField,
  code: z
    .string({ error: "Saisissez le code à 6 chiffres reçu par courriel." })
    .trim()
    .regex(/^\d{6}$/, "Le code se compose de 6 chiffres, sans espace."),
});

const NAME = /^\p{L}[\p{L}\p{M}' .-]*$/u;
const personName = (message: string) =>
  z
    .string({ error: message })
    .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
    .refine((s) => [...s].length >= 1 && [...s].length <= NAME_MAX && NAME.test(s), message);

/** A new patient account: names and a password (its strength is checked on the server). */
export const newAccountSchema = z
  .object({
    firstName: personName(PATIENT_PROBLEM_MESSAGE["first-name"]),
    lastName: personName(PATIENT_PROBLEM_MESSAGE["last-name"]),
    ...newPasswordFields,
  })
  .refine((v) => v.password === v.confirmation, SAME_PASSWORD);

/** An existing account's password, for the address the code proved. */
export const existingAccountSchema = z.object({ password: signInSchema.shape.password });

/**
 * « Pour qui ? »: « moi », « proche » (a new relative, with a file), or the id of a relative the
 * account already booked for at this practice. The file's fields follow the practice's rules.
 */
export const forWhomSchema = z.object({
  who: z.union([z.literal("moi"), z.literal("proche"), z.uuid()], { error: "Choisissez pour qui est le rendez-vous." }),
});

/** The file of the person booked for: the practice's patient file rules, contact fields left out. */
export const personFileSchema = patientSchema;

export const PERSON_FIELDS = ["lastName", "firstName", "birthDate", "noMatricule", "matricule", "noMatriculeReason", "otherIdentifier"] as const;
