import type { z } from "zod";

// The one shape every server action answers a form with, rendered the same way by every form.
export type FormState = {
  status: "idle" | "error" | "success";
  /** A message about the whole form (shown above the button). */
  formError?: string;
  /** A French message per field name. */
  fieldErrors?: Record<string, string>;
  /** Links offered with formError (e.g. the other sign-in pages). */
  links?: { href: string; label: string }[];
};

export const IDLE: FormState = { status: "idle" };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

export function invalid(error: z.ZodError): FormState {
  return { status: "error", fieldErrors: fieldErrorsOf(error) };
}
