import { z } from "zod";
import { emailField, PASSWORD_MAX, PASSWORD_MIN } from "./schema";

// Shared by the reset forms and their actions. The strength check (zxcvbn) runs on the server only.

export const resetRequestSchema = z.object({ email: emailField });

export const newPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: z
      .string({ error: "Choisissez un mot de passe." })
      .min(PASSWORD_MIN, `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`)
      .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`),
    confirmation: z.string({ error: "Confirmez le mot de passe." }).max(PASSWORD_MAX + 1),
  })
  .refine((v) => v.password === v.confirmation, { path: ["confirmation"], message: "Les deux mots de passe ne sont pas identiques." });
