import * as z from "@/lib/forms/zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";
import { emailField } from "./schema";

// Shared by the reset forms and their actions. The strength check (zxcvbn) runs on the server only.

export const resetRequestSchema = z.object({ email: emailField });

/** The hidden token of the reset and invitation pages: only a forged or cut link gets it wrong. */
export const LINK_NO_LONGER_VALID = "Ce lien n'est plus valable. Demandez-en un nouveau.";

/** A new password and its confirmation: every form that sets a password (reset, change, sign-up). */
export const newPasswordFields = {
  password: z
    .string({ error: "Choisissez un mot de passe." })
    .min(PASSWORD_MIN, `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`)
    .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`),
  confirmation: z.string({ error: "Confirmez le mot de passe." }).max(PASSWORD_MAX + 1),
};
export const SAME_PASSWORD = { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." };

export const newPasswordSchema = z
  .object({
    token: z.string({ error: LINK_NO_LONGER_VALID }).min(1, LINK_NO_LONGER_VALID).max(200, LINK_NO_LONGER_VALID),
    ...newPasswordFields,
  })
  .refine((v) => v.password === v.confirmation, SAME_PASSWORD);

/** « Changer le mot de passe » on the security page: the current one, then the new one twice. */
export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Saisissez votre mot de passe actuel." }).min(1, "Saisissez votre mot de passe actuel.").max(PASSWORD_MAX),
    ...newPasswordFields,
  })
  .refine((v) => v.password === v.confirmation, SAME_PASSWORD);
