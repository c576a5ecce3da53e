import type { SelectHTMLAttributes } from "react";
import { forwardRef } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; options: { value: string; label: string }[] };

/** A labelled list, shown and announced like Field. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, name, error, id, options, ...rest }, ref) {
  const selectId = id ?? `field-${name}`;
  const errorId = `${selectId}-error`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        ref={ref}
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base shadow-sm sm:text-sm ${
          error ? "border-red-600" : "border-slate-300"
        } focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
});
