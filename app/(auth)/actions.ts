"use server";

import { redirect } from "next/navigation";
import { issueSessionCookie } from "@/lib/auth/next-auth";
import { HOME_PATH, isRole } from "@/lib/auth/roles";
import { signInSchema } from "@/lib/auth/schema";
import { signInRefusal, UNKNOWN_SIGN_IN_PAGE } from "@/lib/auth/sign-in-messages";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { invalid, type FormState } from "@/lib/forms/form-state";
import { requestContext } from "@/lib/http/request-context";
import { startPendingStep } from "@/lib/twofactor/pending-step";

/** The password form of every sign-in page; `portal` is the page's role (bound by the page). */
export async function signInAction(portal: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRole(portal)) return { status: "error", formError: UNKNOWN_SIGN_IN_PAGE };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error);

  const result = await signInWithPassword(portal, parsed.data.email, parsed.data.password, await requestContext());
  switch (result.kind) {
    case "signed-in":
      await issueSessionCookie(result.session, result.user.role);
      redirect(HOME_PATH[portal]);
    case "second-factor":
      await startPendingStep(result.user.id, portal, "verify");
      redirect("/connexion/2fa");
    case "enrol-second-factor":
      await startPendingStep(result.user.id, portal, "enrol");
      redirect("/connexion/activer-2fa");
    default:
      return signInRefusal(result, portal);
  }
}
