"use server";

import { currentSession } from "@/lib/auth/guards";
import { signOut } from "@/lib/auth/next-auth";
import { SIGN_IN_PATH } from "@/lib/auth/roles";
import { revokeSession } from "@/lib/auth/sessions";

/** Ends the session on the server (the row is revoked) and clears the cookie; returns where to go. */
export async function signOutAction(): Promise<string> {
  const live = await currentSession();
  if (live) await revokeSession(live.session.id, "déconnexion");
  await signOut({ redirect: false });
  return live ? SIGN_IN_PATH[live.user.role] : "/";
}
