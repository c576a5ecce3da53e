import type { ReactNode } from "react";
import { Logo } from "@/components/layout/logo";
import { SIGN_IN_PATH } from "@/lib/auth/roles";

// The public booking pages: no sign-in, phone first.
export default function PublicBookingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <Logo href="/rdv" />
          <a href={SIGN_IN_PATH.patient} className="text-sm font-medium text-brand-700 hover:underline">
            Espace patient
          </a>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </div>
  );
}
