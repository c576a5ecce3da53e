import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requireSecretary } from "@/lib/auth/guards";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../(auth)/actions";

export default async function SecretariatLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSecretary();
  return (
    <AppShell
      nav={NAV.secretary}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role) }}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
