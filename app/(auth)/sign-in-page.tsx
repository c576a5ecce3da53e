import type { Metadata } from "next";
import { SignInCard } from "@/components/auth/sign-in-card";
import { redirectIfSignedIn } from "@/lib/auth/guards";
import { SIGN_IN_TITLE, type Role } from "@/lib/auth/roles";
import { signInAction } from "./actions";

/** The four sign-in pages differ only by their role. */
export function signInPage(role: Role) {
  const metadata: Metadata = { title: SIGN_IN_TITLE[role] };
  async function Page() {
    await redirectIfSignedIn(role);
    return <SignInCard role={role} action={signInAction.bind(null, role)} />;
  }
  return { metadata, Page };
}
