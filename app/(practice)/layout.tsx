import type { ReactNode } from "react";
import { ChatBubble } from "@/components/chat/chat-bubble";
import { AppShell, BannerLink } from "@/components/layout/app-shell";
import { NAV } from "@/components/layout/role-nav";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { signOutAction } from "../(auth)/actions";
import { markChatReadAction, sendChatMessageAction } from "./chat-actions";

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
    <AppShell
      nav={mode === "direct" ? NAV.doctor : NAV.secretaryInPractice}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role, user.doctorKind) }}
      profileHref="/profile"
      signOut={signOutAction}
      banner={banner}
      widgets={<ChatBubble send={sendChatMessageAction} markRead={markChatReadAction} />}
    >
      {children}
    </AppShell>
  );
}
