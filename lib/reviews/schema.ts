import { formatCount } from "@/lib/format/number";
import * as z from "@/lib/forms/zod";

// The practice's answer to a review and support's reason to hide one.

export const MAX_REVIEW_ANSWER = 1000;
export const MAX_HIDE_REASON = 300;

export const answerSchema = z.object({
  answer: z
    .string()
    .trim()
    .min(1, { message: "Écrivez votre réponse." })
    .max(MAX_REVIEW_ANSWER, { message: `La réponse ne peut dépasser ${formatCount(MAX_REVIEW_ANSWER)} caractères.` }),
});

export const hideSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, { message: "Indiquez la raison du masquage." })
    .max(MAX_HIDE_REASON, { message: `La raison ne peut dépasser ${MAX_HIDE_REASON} caractères.` }),
});
