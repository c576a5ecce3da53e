import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireSupport } from "@/lib/auth/guards";
import { displayName, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../../(auth)/actions";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSupport();
  return (
    <AppShell
      nav={[{ href: "/admin", label: "Administration" }]}
      user={{ name: displayName(user), detail: roleLabel(user.role) }}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
