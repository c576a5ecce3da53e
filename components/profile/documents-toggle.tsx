"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { useHydrated } from "@/components/ui/use-hydrated";

type Props = {
  what: "stamp" | "signature";
  shown: boolean;
  disabled?: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

/** « Afficher sur les documents »: saved as soon as it is ticked or unticked. */
export function DocumentsToggle({ what, shown, disabled, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const [checked, setChecked] = useState(shown);
  const id = useId();
  const hydrated = useHydrated();
  const save = (next: boolean) => {
    setChecked(next);
    const data = new FormData();
    data.set("what", what);
    data.set("show", next ? "on" : "off");
    startTransition(() => formAction(data));
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={`flex items-center gap-2 text-sm font-medium ${disabled ? "text-slate-500" : "text-slate-800"}`}>
        <input
          id={id}
          type="checkbox"
          className="size-4 rounded border-slate-300 accent-brand-600"
          checked={checked}
          disabled={disabled || pending || !hydrated}
          onChange={(e) => save(e.target.checked)}
        />
        Afficher sur les documents
      </label>
      <p aria-live="polite" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-slate-500"}`}>
        {state.status === "error" ? state.formError : state.message}
      </p>
    </div>
  );
}
