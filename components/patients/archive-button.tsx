"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = { archived: boolean; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** « Archiver » / « Restaurer » the file, after a confirmation in place (Échap or « Annuler » backs out). */
export function ArchiveButton({ archived, action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  // Asked for the state at hand: once the server answers, the question closes by itself.
  const [askedAt, setAskedAt] = useState<FormState | null>(null);
  const confirming = askedAt === state;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const verb = archived ? "Restaurer" : "Archiver";

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
        <form {...formProps} onKeyDown={(e) => e.key === "Escape" && back()} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm text-amber-900">
            {archived
              ? "Restaurer cette fiche ? Elle réapparaîtra dans les recherches et l'agenda."
              : "Archiver cette fiche ? Elle reste conservée avec ses documents et rendez-vous, mais n'apparaît plus dans les recherches."}
          </p>
          <Button ref={confirmRef} type="submit" pending={pending}>
            {`Confirmer : ${verb.toLowerCase()}`}
          </Button>
          <Button type="button" variant="secondary" onClick={back}>
            Annuler
          </Button>
        </form>
      ) : (
        <Button ref={openRef} type="button" variant="secondary" onClick={() => setAskedAt(state)}>
          {verb} la fiche
        </Button>
      )}
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && state.message && <Alert tone="info">{state.message}</Alert>}
    </div>
  );
}
