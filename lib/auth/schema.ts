import * as z from "@/lib/forms/zod";
import { EMAIL_MAX, PASSWORD_MAX } from "./limits";

// Shared by the sign-in form (browser, loaded when the form is first focused) and the server
// action: one set of rules and messages.

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
