"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/guards";
import { signIn, signOut, SignInRefused } from "@/lib/auth/next-auth";
import { HOME_PATH, isRole, SIGN_IN_PATH } from "@/lib/auth/roles";
import { signInSchema } from "@/lib/auth/schema";
import { signInRefusal } from "@/lib/auth/sign-in-messages";
import { revokeSession } from "@/lib/auth/sessions";
import { invalid, type FormState } from "@/lib/forms/form-state";

/** The password form of every sign-in page; `portal` is the page's role (bound by the page). */
export async function signInAction(portal: unknown, _previous: FormState, formData: FormData): Promise<FormState> {
  if (!isRole(portal)) return { status: "error", formError: "Page de connexion inconnue." };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await signIn("credentials", { ...parsed.data, portal, redirect: false });
  } catch (error) {
    if (error instanceof SignInRefused) return signInRefusal(error.code, portal);
    if (error instanceof AuthError) return signInRefusal("invalid-credentials", portal);
    throw error;
  }
  redirect(HOME_PATH[portal]);
}

/** Ends the session on the server (the row is revoked) and clears the cookie; returns where to go. */
export async function signOutAction(): Promise<string> {
  const live = await currentSession();
  if (live) await revokeSession(live.session.id, "déconnexion");
  await signOut({ redirect: false });
  return live ? SIGN_IN_PATH[live.user.role] : "/";
}
