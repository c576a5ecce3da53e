"use client";

import type { ButtonHTMLAttributes, Ref } from "react";
import { useHydrated } from "./use-hydrated";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "ghost";
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
};

const STYLES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

export function Button({ variant = "primary", pending = false, className = "", children, disabled, ...rest }: Props) {
  // A type="button" button does nothing without JavaScript: it waits for hydration rather than
  // swallowing an early click. Submit buttons work from the first paint (the form posts natively).
  const hydrated = useHydrated();
  const inert = rest.type === "button" && !hydrated;
  return (
    <button
      {...rest}
      disabled={disabled || pending || inert}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${STYLES[variant]} ${className}`}
    >
      {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {children}
    </button>
  );
}
