import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requireRole } from "@/lib/auth/guards";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../(auth)/actions";

export default async function SecurityLayout({ children }: { children: ReactNode }) {
  const { user, session } = await requireRole("doctor", "secretary", "patient", "support");
  const nav = user.role === "secretary" && session.actingForDoctorId ? NAV.secretaryInPractice : NAV[user.role];
  return (
    <AppShell
      nav={nav}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role, user.doctorKind) }}
      profileHref={user.role === "doctor" ? "/profile" : undefined}
      signOut={signOutAction}
    >
      {children}
    </AppShell>
  );
}
