"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

type Props = { name: string; initials: string; detail: string; profileHref?: string; signOut: () => Promise<string> };

/** Top-right menu: the user's name, « Mon profil », « Se déconnecter ». Escape and outside clicks close it. */
export function ProfileMenu({ name, initials, detail, profileHref, signOut }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    root.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const item = "block w-full px-4 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none";
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-3 rounded-md px-2 py-1.5 hover:bg-slate-100"
      >
        {/* The button's name is its text, « PS Dr Paul Schmit Médecin — menu du profil »: it holds
            what is shown at every width (WCAG 2.5.3, label in name), the initials alone on a phone,
            where the name is read but not shown. An aria-label had left the initials out. */}
        <span className="grid size-8 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800">{initials}</span>{" "}
        <span className="sr-only text-left sm:not-sr-only sm:block">
          <span className="block text-sm font-semibold text-slate-900">{name}</span> <span className="block text-xs text-slate-500">{detail}</span>{" "}
          <span className="sr-only">— menu du profil</span>
        </span>
        <span aria-hidden className="text-slate-500">
          ▾
        </span>
      </button>
      {open && (
        <div id={menuId} role="menu" className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          <p className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-900 sm:hidden">{name}</p>
          {profileHref && (
            <Link role="menuitem" href={profileHref} className={item} onClick={() => setOpen(false)}>
              Mon profil
            </Link>
          )}
          <SignOutButton role="menuitem" action={signOut} className={item} />
        </div>
      )}
    </div>
  );
}
