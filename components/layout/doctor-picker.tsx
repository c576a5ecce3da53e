"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Doctor = { id: string; name: string; specialty: string | null; current: boolean };
type Props = { doctors: Doctor[]; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** One button per attached doctor; choosing one opens that doctor's practice. */
export function DoctorPicker({ doctors, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <div className="space-y-4">
      {state.formError && <Alert>{state.formError}</Alert>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {doctors.map((d) => (
          <li key={d.id}>
            <form action={formAction}>
              <input type="hidden" name="doctorId" value={d.id} />
              <button
                type="submit"
                disabled={pending}
                className="block w-full rounded-lg border border-slate-200 bg-white p-4 text-left shadow-sm hover:border-brand-600 disabled:opacity-60"
              >
                <span className="block font-semibold text-slate-900">{d.name}</span>
                <span className="block text-sm text-slate-600">{d.specialty ?? "Spécialité non renseignée"}</span>
                {d.current && <span className="mt-1 block text-xs font-medium text-brand-700">Cabinet actuel</span>}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
