"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms/form-state";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

/** Support creates an account; the person chooses their own password from the emailed link. */
export function InviteForm({ action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  const [role, setRole] = useState("doctor");
  const err = state.fieldErrors ?? {};
  const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2.5 text-sm";
  return (
    <form {...formProps} noValidate className="max-w-lg space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="role" className="block text-sm font-medium text-slate-800">
          Type de compte
        </label>
        <select id="role" name="role" value={role} onChange={(e) => setRole(e.target.value)} className={select}>
          <option value="doctor">Médecin</option>
          <option value="secretary">Secrétariat</option>
          <option value="patient">Patient</option>
        </select>
        {err.role && <p className="text-sm text-red-700">{err.role}</p>}
      </div>
      {role === "doctor" && (
        <div className="space-y-1.5">
          <label htmlFor="doctorKind" className="block text-sm font-medium text-slate-800">
            Profession
          </label>
          <select id="doctorKind" name="doctorKind" defaultValue="medecin" className={select}>
            <option value="medecin">Médecin</option>
            <option value="medecin_dentiste">Médecin-dentiste</option>
          </select>
          {err.doctorKind && <p className="text-sm text-red-700">{err.doctorKind}</p>}
        </div>
      )}
      <Field label="Courriel" name="email" type="email" autoComplete="off" error={err.email} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Prénom" name="firstName" autoComplete="off" error={err.firstName} />
        <Field label="Nom" name="lastName" autoComplete="off" error={err.lastName} />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
          Raison (journal d&apos;audit)
        </label>
        <textarea id="reason" name="reason" rows={2} maxLength={600} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        {err.reason && <p className="text-sm text-red-700">{err.reason}</p>}
      </div>
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" pending={pending}>
        Créer et envoyer l&apos;invitation
      </Button>
    </form>
  );
}
