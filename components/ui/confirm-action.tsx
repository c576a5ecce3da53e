"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { useServerForm } from "./use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = {
  /** The button that asks first (« Supprimer », « Archiver le dossier »). */
  label: string;
  /** What the question says. */
  question: string;
  confirmLabel: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** A name for screen readers when `label` alone is ambiguous in a list (« Supprimer l'absence Congés »). */
  accessibleLabel?: string;
  /** Show the server's confirmation (off in lists, where the page says it). */
  showSuccess?: boolean;
  /** A smaller button, for a row of a list. */
  compact?: boolean;
};

/**
 * A change that needs a confirmation, asked in place: the button opens the question with
 * « Confirmer » focused; Échap or « Annuler » backs out and gives the focus back.
 */
export function ConfirmAction({ label, question, confirmLabel, action, accessibleLabel, showSuccess = true, compact = false }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  // Asked for the state at hand: once the server answers, the question closes by itself.
  const [askedAt, setAskedAt] = useState<FormState | null>(null);
  const confirming = askedAt === state;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const back = () => {
    setAskedAt(null);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  return (
    <div className="space-y-2">
      {confirming ? (
        <form
          {...formProps}
          onKeyDown={(e) => e.key === "Escape" && back()}
          role="group"
          aria-label={question}
          className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 p-3"
        >
          <p className="text-sm text-amber-900">{question}</p>
          <Button ref={confirmRef} type="submit" pending={pending}>
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={back}>
            Annuler
          </Button>
        </form>
      ) : (
        <Button
          ref={openRef}
          type="button"
          variant="secondary"
          aria-label={accessibleLabel}
          onClick={() => setAskedAt(state)}
          className={compact ? "px-3! py-1.5!" : ""}
        >
          {label}
        </Button>
      )}
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      {showSuccess && state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
    </div>
  );
}
