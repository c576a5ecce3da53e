import * as z from "@/lib/forms/zod";

// Shared by the forms and the server: malformed input is refused here, before any attempt counts.

export const otpCodeSchema = z
  .string({ error: "Saisissez le code à 6 chiffres." })
  .min(1, "Saisissez le code à 6 chiffres.")
  .regex(/^\d{6}$/, "Le code se compose de 6 chiffres, sans espace.");

/** Recovery codes read « abcd-efgh »; case and the dash are forgiven. */
export const recoveryCodeSchema = z
  .string({ error: "Saisissez un code de secours." })
  .trim()
  .min(1, "Saisissez un code de secours.")
  .transform((s) => s.toLowerCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, "Un code de secours se compose de 10 lettres et chiffres (ex. abcde-fgh23)."));

/** The hidden `method` field holds something the page never sends: a forged or outdated page. */
export const INVALID_REQUEST = "Requête invalide. Rechargez la page.";

export const secondFactorSchema = z.discriminatedUnion(
  "method",
  [z.object({ method: z.literal("code"), code: otpCodeSchema }), z.object({ method: z.literal("recovery"), code: recoveryCodeSchema })],
  { error: INVALID_REQUEST },
);

export type SecondFactorInput = z.input<typeof secondFactorSchema>;
