import type { ReactNode } from "react";
import { NAV } from "@/components/layout/role-nav";
import { requireSupport } from "@/lib/auth/guards";
import { SignedInShell } from "../../_shell/signed-in-shell";

export default async function SupportLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSupport();
  return (
    <SignedInShell user={user} nav={NAV.support}>
      {children}
    </SignedInShell>
  );
}
