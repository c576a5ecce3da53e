"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import type { FormState } from "@/lib/forms/form-state";

type Props = { archived: boolean; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** « Archiver » / « Restaurer » the file, after a confirmation in place. */
export function ArchiveButton({ archived, action }: Props) {
  return archived ? (
    <ConfirmAction
      label="Restaurer le dossier"
      question="Restaurer ce dossier ? Il réapparaîtra dans les recherches et l'agenda."
      confirmLabel="Confirmer : restaurer"
      action={action}
    />
  ) : (
    <ConfirmAction
      label="Archiver le dossier"
      question="Archiver ce dossier ? Il reste conservé avec ses documents et rendez-vous, mais n'apparaît plus dans les recherches."
      confirmLabel="Confirmer : archiver"
      action={action}
    />
  );
}
