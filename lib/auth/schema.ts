import * as z from "@/lib/forms/zod";
import { otpCodeSchema } from "@/lib/twofactor/code-format";
import { EMAIL_MAX, PASSWORD_MAX } from "./limits";

// Shared by the sign-in form (browser, loaded when the form is first focused) and the server
// action: one set of rules and messages.

/** An email address, normalised; `missing` says whose address is asked for when the field is empty. */
export const emailFieldAsking = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(EMAIL_MAX, `Le courriel ne peut pas dépasser ${EMAIL_MAX} caractères.`)
    .pipe(z.email({ error: "Ce courriel n'est pas valide." }))
    .transform((email) => email.toLowerCase());

export const emailField = emailFieldAsking("Saisissez votre courriel.");

export const signInSchema = z.object({
  email: emailField,
  // Any existing password is accepted here (no strength rule at sign-in), only bounded.
  password: z
    .string({ error: "Saisissez votre mot de passe." })
    .min(1, "Saisissez votre mot de passe.")
    .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`),
});

export type SignInInput = z.input<typeof signInSchema>;

// The security page's forms: the password asked again before a sensitive change, with an
// authenticator code when the change touches the second factor.
export const passwordAgainSchema = z.object({ password: signInSchema.shape.password });
export const passwordAndCodeSchema = z.object({ password: signInSchema.shape.password, code: otpCodeSchema });

/** « Déconnecter » one of the user's own sessions. */
export const ownSessionSchema = z.object({ sessionId: z.uuid() });
