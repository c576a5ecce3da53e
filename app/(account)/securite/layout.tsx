import type { ReactNode } from "react";
import { NAV } from "@/components/layout/role-nav";
import { requireSignedIn } from "@/lib/auth/guards";
import { SignedInShell } from "../../_shell/signed-in-shell";

export default async function SecurityLayout({ children }: { children: ReactNode }) {
  const { user, session } = await requireSignedIn();
  const inPractice = user.role === "doctor" || (user.role === "secretary" && session.actingForDoctorId !== null);
  const nav = user.role === "secretary" && session.actingForDoctorId ? NAV.secretaryInPractice : NAV[user.role];
  return (
    // The security page is reached from the practice's navigation: its chat stays at hand there.
    <SignedInShell user={user} nav={nav} profileHref={user.role === "doctor" ? "/profile" : undefined} chat={inPractice}>
      {children}
    </SignedInShell>
  );
}
