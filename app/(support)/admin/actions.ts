"use server";

import { revalidatePath } from "next/cache";
import { attachSchema, detachSchema, inviteSchema, userActionSchema } from "@/lib/support/schema";
import {
  attachSecretary,
  blockUser,
  closeUserSessions,
  detachSecretary,
  inviteUser,
  resetUserTwoFactor,
  unblockUser,
  type ActionResult,
} from "@/lib/support/account-actions";
import { supportAnswer } from "@/lib/support/messages";
import { actorOf, type Actor } from "@/lib/audit/support-log";
import { requireSupport } from "@/lib/auth/guards";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";

// Support's actions. The guard comes first, before the input is even read; the acting support
// user comes from the session, never from the form.
async function supportActor(): Promise<Actor> {
  const { user } = await requireSupport();
  return actorOf(user, (await requestContext()).ip);
}

function answer(result: ActionResult, userId?: string): FormState {
  if (userId) revalidatePath(`/admin/utilisateurs/${userId}`);
  const { ok, text } = supportAnswer(result);
  return ok ? { status: "success", message: text } : { status: "error", formError: text };
}

const fields = (formData: FormData, ...names: string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n)]));

type UserAction = typeof unblockUser;
function userAction(run: UserAction) {
  return async (formData: FormData): Promise<FormState> => {
    const actor = await supportActor();
    const parsed = userActionSchema.safeParse(fields(formData, "userId", "reason"));
    if (!parsed.success) return invalid(parsed.error);
    return answer(await run(actor, parsed.data.userId, parsed.data.reason), parsed.data.userId);
  };
}

export async function unblockAction(_previous: FormState, formData: FormData) {
  return userAction(unblockUser)(formData);
}

export async function blockAction(_previous: FormState, formData: FormData) {
  return userAction(blockUser)(formData);
}

export async function resetTwoFactorAction(_previous: FormState, formData: FormData) {
  return userAction(resetUserTwoFactor)(formData);
}

export async function closeSessionsAction(_previous: FormState, formData: FormData) {
  return userAction(closeUserSessions)(formData);
}

export async function attachAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await supportActor();
  const parsed = attachSchema.safeParse(fields(formData, "secretaryId", "doctorEmail", "reason"));
  if (!parsed.success) return invalid(parsed.error);
  return answer(await attachSecretary(actor, parsed.data.secretaryId, parsed.data.doctorEmail, parsed.data.reason), parsed.data.secretaryId);
}

export async function detachAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await supportActor();
  const parsed = detachSchema.safeParse(fields(formData, "secretaryId", "doctorId", "reason"));
  if (!parsed.success) return invalid(parsed.error);
  return answer(await detachSecretary(actor, parsed.data.secretaryId, parsed.data.doctorId, parsed.data.reason), parsed.data.secretaryId);
}

export async function inviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await supportActor();
  const raw = fields(formData, "role", "doctorKind", "email", "firstName", "lastName", "reason");
  const parsed = inviteSchema.safeParse({ ...raw, doctorKind: raw.doctorKind || undefined });
  if (!parsed.success) return invalid(parsed.error);
  const { reason, ...input } = parsed.data;
  return answer(await inviteUser(actor, input, reason));
}
