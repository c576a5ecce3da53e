"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

export type FreeDayView = { day: string; label: string; times: { iso: string; label: string }[] };

/**
 * The week's free times as one radio group per day (arrow keys move within a day), then one
 * button: nothing moves until it is pressed.
 */
export function RescheduleForm({ days, action }: { days: FreeDayView[]; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const { state, pending, formProps } = useServerForm(action);
  return (
    <form {...formProps} className="space-y-4">
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {days.map((d) => (
          <fieldset key={d.day} className="space-y-2">
            <legend className="text-sm font-semibold text-slate-900 first-letter:uppercase">{d.label}</legend>
            {d.times.length ? (
              <div className="flex flex-wrap gap-2">
                {d.times.map((t) => (
                  <label key={t.iso} className="cursor-pointer">
                    <input type="radio" name="debut" value={t.iso} required className="peer sr-only" aria-label={`${d.label} à ${t.label}`} />
                    <span className="block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium tabular-nums text-slate-800 peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600/40">
                      {t.label}
                    </span>
                  </label>
                ))}
              </div>
            ) : (
              <p className="text-sm text-slate-500">Aucun créneau libre.</p>
            )}
          </fieldset>
        ))}
      </div>
      <Button type="submit" pending={pending}>
        Déplacer à ce créneau
      </Button>
    </form>
  );
}
