"use server";

import { revalidatePath } from "next/cache";
import { actorOf } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import type { FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { retryFailedSend } from "@/lib/support/failed-sends";
import { retryMessage } from "@/lib/support/messages";

/** « Relancer » a job the worker gave up: once more, audited (lib/support/failed-sends.ts). */
export async function retryFailedSendAction(jobId: string, _previous: FormState, _formData: FormData): Promise<FormState> {
  const { user } = await requireSupport();
  const result = await retryFailedSend(actorOf(user, (await requestContext()).ip), String(jobId));
  if (result.kind !== "done") return { status: "error", formError: retryMessage(result) };
  revalidatePath("/admin/envois");
  return { status: "success", message: retryMessage(result) };
}
