import type { Metadata } from "next";
import { SignInCard } from "@/components/auth/sign-in-card";
import { redirectIfSignedIn } from "@/lib/auth/guards";
import { SIGN_IN_TITLE, type Role } from "@/lib/auth/roles";
import { signInAction } from "./actions";

/** The four sign-in pages differ only by their role. */
export function signInPage(role: Role) {
  const metadata: Metadata = { title: SIGN_IN_TITLE[role] };
  async function Page({ searchParams }: { searchParams: Promise<{ reinitialise?: string; bienvenue?: string }> }) {
    await redirectIfSignedIn(role);
    const params = await searchParams;
    const notice =
      params.reinitialise === "1"
        ? "Votre mot de passe a été modifié. Connectez-vous avec le nouveau."
        : params.bienvenue === "1"
          ? "Votre mot de passe est enregistré. Vous pouvez vous connecter."
          : undefined;
    return <SignInCard role={role} action={signInAction.bind(null, role)} notice={notice} />;
  }
  return { metadata, Page };
}
