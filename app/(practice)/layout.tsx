import type { ReactNode } from "react";
import { BannerLink } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { displayName } from "@/lib/users/display-name";
import { SignedInShell } from "../_shell/signed-in-shell";

export default async function PracticeLayout({ children }: { children: ReactNode }) {
  const { user, doctor, mode } = await requirePracticeAccess();
  const banner =
    mode === "secretary" ? (
      <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900 sm:px-6">
        <span className="font-semibold">Via secrétariat</span> · Vous travaillez pour {displayName(doctor)} —{" "}
        <BannerLink href="/secretariat">changer</BannerLink>
      </div>
    ) : null;
  return (
    <SignedInShell user={user} nav={mode === "direct" ? NAV.doctor : NAV.secretaryInPractice} profileHref="/profile" banner={banner} chat>
      {children}
    </SignedInShell>
  );
}
