import type { ReactNode } from "react";
import { NAV } from "@/components/layout/role-nav";
import { requirePatient } from "@/lib/auth/guards";
import { SignedInShell } from "../../_shell/signed-in-shell";

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePatient();
  return (
    <SignedInShell user={user} nav={NAV.patient}>
      {children}
    </SignedInShell>
  );
}
