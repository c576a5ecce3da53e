import type { InputHTMLAttributes } from "react";
import { forwardRef } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string };

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export const Field = forwardRef<HTMLInputElement, Props>(function Field({ label, name, error, id, className = "", ...rest }, ref) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base shadow-sm sm:text-sm ${
          error ? "border-red-600" : "border-slate-300"
        } focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${className}`}
        {...rest}
      />
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
});
