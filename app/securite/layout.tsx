import type { ReactNode } from "react";
import { ChatBubble } from "@/components/chat/chat-bubble";
import { AppShell } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requireRole } from "@/lib/auth/guards";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../(auth)/actions";
import { markChatReadAction, sendChatMessageAction } from "../(practice)/chat-actions";

export default async function SecurityLayout({ children }: { children: ReactNode }) {
  const { user, session } = await requireRole("doctor", "secretary", "patient", "support");
  const inPractice = user.role === "doctor" || (user.role === "secretary" && session.actingForDoctorId !== null);
  const nav = user.role === "secretary" && session.actingForDoctorId ? NAV.secretaryInPractice : NAV[user.role];
  return (
    <AppShell
      nav={nav}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role, user.doctorKind) }}
      profileHref={user.role === "doctor" ? "/profile" : undefined}
      signOut={signOutAction}
      // The security page is reached from the practice's navigation: its chat stays at hand there.
      widgets={inPractice ? <ChatBubble send={sendChatMessageAction} markRead={markChatReadAction} /> : undefined}
    >
      {children}
    </AppShell>
  );
}
