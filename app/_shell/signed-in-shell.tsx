import type { ReactNode } from "react";
import { ChatBubble } from "@/components/chat/chat-bubble";
import { AppShell } from "@/components/layout/app-shell";
import type { NavItem } from "@/components/layout/nav-links";
import { displayName, initials, roleLabel } from "@/lib/users/display-name";
import { markChatReadAction, sendChatMessageAction } from "./chat-actions";
import { signOutAction } from "./sign-out-action";

type Props = {
  /** The signed-in person, as the area's guard returned it. */
  user: Parameters<typeof displayName>[0] & { role: Parameters<typeof roleLabel>[0]; doctorKind?: Parameters<typeof roleLabel>[1] };
  nav: NavItem[];
  profileHref?: string;
  banner?: ReactNode;
  /** The support chat bubble: on the practice's pages only. */
  chat?: boolean;
  children: ReactNode;
};

/**
 * The one signed-in layout every area's layout.tsx renders once its guard has passed: the app
 * shell wired to the shared server actions (sign out, the chat bubble). A private folder (`_shell`)
 * so that no route group imports another's actions.
 */
export function SignedInShell({ user, nav, profileHref, banner, chat = false, children }: Props) {
  return (
    <AppShell
      nav={nav}
      user={{ name: displayName(user), initials: initials(user), detail: roleLabel(user.role, user.doctorKind) }}
      profileHref={profileHref}
      signOut={signOutAction}
      banner={banner}
      widgets={chat ? <ChatBubble send={sendChatMessageAction} markRead={markChatReadAction} /> : undefined}
    >
      {children}
    </AppShell>
  );
}
