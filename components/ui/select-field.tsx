import type { SelectHTMLAttributes } from "react";
import { forwardRef } from "react";
import { controlProps, FieldFrame } from "./field-frame";

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; options: { value: string; label: string }[] };

/** A labelled list, shown and announced like Field. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, name, error, id, options, ...rest }, ref) {
  const selectId = id ?? `field-${name}`;
  return (
    <FieldFrame id={selectId} label={label} error={error}>
      <select ref={ref} name={name} {...controlProps(selectId, error)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});
