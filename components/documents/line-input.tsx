import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string; visibleLabel?: boolean };

/** One cell of a document line: labelled (visibly or for screen readers), with its error below. */
export function LineInput({ id, label, error, visibleLabel = false, className = "", ...rest }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className={visibleLabel ? "block text-xs font-medium text-slate-600" : "sr-only"}>
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`block w-full rounded-md border bg-white px-2.5 py-2 text-base shadow-sm sm:text-sm ${
          error ? "border-red-600" : "border-slate-300"
        } focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 ${className}`}
        {...rest}
      />
      {error && (
        <p id={errorId} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
