import type { ReactNode } from "react";
import { NAV } from "@/components/layout/role-nav";
import { requireSecretary } from "@/lib/auth/guards";
import { SignedInShell } from "../../_shell/signed-in-shell";

export default async function SecretaryLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSecretary();
  return (
    <SignedInShell user={user} nav={NAV.secretary}>
      {children}
    </SignedInShell>
  );
}
