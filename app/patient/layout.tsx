import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requirePatient } from "@/lib/auth/guards";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../(auth)/actions";

export default async function PatientLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePatient();
  return (
    <AppShell
      nav={NAV.patient}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role) }}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
