import { z } from "zod";

// Shared by the sign-in form (browser) and the server action: one set of rules and messages.

import { EMAIL_MAX, PASSWORD_MAX } from "./limits";

export { EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from "./limits";

export const emailField = z
  .string({ error: "Saisissez votre courriel." })
  .trim()
  .min(1, "Saisissez votre courriel.")
  .max(EMAIL_MAX, `Le courriel ne peut pas dépasser ${EMAIL_MAX} caractères.`)
  .pipe(z.email({ error: "Ce courriel n'est pas valide." }))
  .transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: emailField,
  // Any existing password is accepted here (no strength rule at sign-in), only bounded.
  password: z
    .string({ error: "Saisissez votre mot de passe." })
    .min(1, "Saisissez votre mot de passe.")
    .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`),
});

export type SignInInput = z.input<typeof signInSchema>;
