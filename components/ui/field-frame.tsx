import type { ReactNode } from "react";

// What every labelled control shares (Field, SelectField, TextArea): the label above, the error
// below, tied to the control by aria-describedby, and the same border and focus ring.

export function controlProps(id: string, error: string | undefined, extraClass = "") {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: `block w-full rounded-md border bg-white px-3 py-2.5 text-base shadow-sm sm:text-sm ${
      error ? "border-red-600" : "border-slate-300"
    } focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${extraClass}`,
  } as const;
}

export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {hint && <span className="font-normal text-slate-500"> — {hint}</span>}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
