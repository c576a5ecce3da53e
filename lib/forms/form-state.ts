import type { z } from "zod";

// The one shape every server action answers a form with, rendered the same way by every form.
export type FormState<Data = undefined> = {
  status: "idle" | "error" | "success";
  /** A confirmation shown after success. */
  message?: string;
  /** What a successful action hands back to the form (e.g. recovery codes shown once). */
  data?: Data;
  /** A message about the whole form (shown above the button). */
  formError?: string;
  /** A French message per field name. */
  fieldErrors?: Record<string, string>;
  /** Links offered with formError (e.g. the other sign-in pages). */
  links?: { href: string; label: string }[];
};

export const IDLE = { status: "idle" } as const satisfies FormState;

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** What every refused form says above its button when fields are wrong (each field says why). */
export const FIX_FIELDS = "Corrigez les champs signalés : rien n'a été enregistré.";

/**
 * A refused form. `hidden` names the fields the page never shows (hidden inputs: a token, the
 * chosen method), which only a forged or stale page gets wrong: their message is the form's,
 * above the button, since there is no field to show it under.
 */
export function invalid<Data = undefined>(error: z.ZodError, hidden: readonly string[] = []): FormState<Data> {
  const fieldErrors = fieldErrorsOf(error);
  const formError = hidden.map((name) => fieldErrors[name]).find(Boolean);
  for (const name of hidden) delete fieldErrors[name];
  return { status: "error", fieldErrors, ...(formError ? { formError } : {}) };
}
