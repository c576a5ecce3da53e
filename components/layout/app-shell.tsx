import Link from "next/link";
import type { ReactNode } from "react";
import { BackForwardGuard } from "./back-forward-guard";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavItem } from "./nav-links";
import { ProfileMenu } from "./profile-menu";

type Props = {
  nav: NavItem[];
  user: { name: string; initials: string; detail: string };
  profileHref?: string;
  signOut: () => Promise<string>;
  /** Shown above the page, e.g. « Vous travaillez pour Dr … ». */
  banner?: ReactNode;
  /** Beside the page, outside <main>: the chat bubble, which belongs to no one page. */
  widgets?: ReactNode;
  children: ReactNode;
};

/** The signed-in layout: navigation on the left, profile menu top right. */
export function AppShell({ nav, user, profileHref, signOut, banner, widgets, children }: Props) {
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <BackForwardGuard />
      <a
        href="#contenu"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Aller au contenu
      </a>
      {/* From md up, the navigation is a column on the left; below, a « Menu » button in the header. */}
      <aside className="hidden border-r border-slate-200 bg-white md:block md:min-h-dvh">
        <div className="flex h-16 items-center px-5">
          <Logo href={nav[0]?.href ?? "/"} />
        </div>
        <nav aria-label="Navigation principale" className="px-3">
          <NavLinks items={nav} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        {/* One row at every width: on a phone, the logo, « Menu » and the profile menu. */}
        <header className="relative flex h-16 items-center gap-2 border-b border-slate-200 bg-white px-4 sm:px-6">
          <div className="min-w-0 md:hidden">
            <Logo href={nav[0]?.href ?? "/"} />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <MobileNav items={nav} />
            <ProfileMenu name={user.name} initials={user.initials} detail={user.detail} profileHref={profileHref} signOut={signOut} />
          </div>
        </header>
        {banner}
        {/* With the chat bubble (fixed, bottom left, 5rem tall with its margin), room to scroll the page's last controls clear of it. */}
        <main id="contenu" className={`flex-1 px-4 pt-6 sm:px-6 lg:px-8 ${widgets ? "pb-24" : "pb-6"}`}>
          {children}
        </main>
      </div>
      {widgets}
    </div>
  );
}

export function BannerLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-semibold underline">
      {children}
    </Link>
  );
}
