"use server";

import { revalidatePath } from "next/cache";
import { actorOf } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { hideMessage } from "@/lib/reviews/messages";
import { hideReview } from "@/lib/reviews/reviews";
import { hideSchema } from "@/lib/reviews/schema";

/** Support hides a review with a reason; the audit row is written in the same transaction. */
export async function hideReviewAction(reviewId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSupport();
  const parsed = hideSchema.safeParse({ reason: formData.get("reason") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  const result = await hideReview(actorOf(user, (await requestContext()).ip), String(reviewId), parsed.data.reason);
  if (result.kind !== "done") return { status: "error", formError: hideMessage(result) };
  revalidatePath("/admin/avis");
  return { status: "success", message: hideMessage(result) };
}
