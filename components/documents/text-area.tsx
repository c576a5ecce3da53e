import type { TextareaHTMLAttributes } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled multi-line field, shown and announced like Field. */
export function TextArea({ label, name, error, hint, id, ...rest }: Props) {
  const areaId = id ?? `field-${name}`;
  const errorId = `${areaId}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={areaId} className="block text-sm font-medium text-slate-800">
        {label}
        {hint && <span className="font-normal text-slate-500"> — {hint}</span>}
      </label>
      <textarea
        id={areaId}
        name={name}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base shadow-sm sm:text-sm ${
          error ? "border-red-600" : "border-slate-300"
        } focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
        {...rest}
      />
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
