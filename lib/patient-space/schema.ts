import { formatCount } from "@/lib/format/number";
import * as z from "@/lib/forms/zod";

// The patient space's forms, shared by the browser and the server actions.

export const MAX_REVIEW_COMMENT = 1000;

export const reviewSchema = z.object({
  rating: z.coerce
    .number({ message: "Choisissez une note de 1 à 5 étoiles." })
    .int({ message: "Choisissez une note de 1 à 5 étoiles." })
    .min(1, { message: "Choisissez une note de 1 à 5 étoiles." })
    .max(5, { message: "Choisissez une note de 1 à 5 étoiles." }),
  comment: z
    .string()
    .trim()
    .max(MAX_REVIEW_COMMENT, { message: `Le commentaire ne peut dépasser ${formatCount(MAX_REVIEW_COMMENT)} caractères.` })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ReviewInput = z.output<typeof reviewSchema>;

export const deleteAccountSchema = z.object({
  password: z.string().min(1, { message: "Saisissez votre mot de passe pour confirmer." }),
});
