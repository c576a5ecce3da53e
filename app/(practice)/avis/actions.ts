"use server";

import { revalidatePath } from "next/cache";
import { requireDoctor } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { answerMessage } from "@/lib/reviews/messages";
import { answerReview } from "@/lib/reviews/reviews";
import { answerSchema } from "@/lib/reviews/schema";

/** « Répondre »: the doctor's one answer; the review id is looked up with the doctor of the session. */
export async function answerReviewAction(reviewId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const access = await requireDoctor();
  const parsed = answerSchema.safeParse({ answer: formData.get("answer") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  const result = await answerReview(access, String(reviewId), parsed.data.answer);
  if (result.kind !== "done") return { status: "error", formError: answerMessage(result) };
  revalidatePath("/avis");
  return { status: "success", message: answerMessage(result) };
}
