import type { InputHTMLAttributes } from "react";
import { forwardRef } from "react";
import { controlProps, FieldFrame } from "./field-frame";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string };

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export const Field = forwardRef<HTMLInputElement, Props>(function Field({ label, name, error, id, className = "", ...rest }, ref) {
  const inputId = id ?? `field-${name}`;
  return (
    <FieldFrame id={inputId} label={label} error={error}>
      <input ref={ref} name={name} {...controlProps(inputId, error, className)} {...rest} />
    </FieldFrame>
  );
});
