import type { TextareaHTMLAttributes } from "react";
import { controlProps, FieldFrame } from "./field-frame";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled multi-line field, shown and announced like Field. */
export function TextArea({ label, name, error, hint, id, ...rest }: Props) {
  const areaId = id ?? `field-${name}`;
  return (
    <FieldFrame id={areaId} label={label} hint={hint} error={error}>
      <textarea name={name} rows={4} {...controlProps(areaId, error)} {...rest} />
    </FieldFrame>
  );
}
