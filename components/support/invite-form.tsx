"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

/** Support creates an account; the person chooses their own password from the emailed link. */
export function InviteForm({ action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  const [role, setRole] = useState("doctor");
  const form = formProps.ref;
  // Sent: the form is emptied for the next invitation; the confirmation stays.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.status === "success") setRole("doctor");
  }
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state, form]);
  const err = state.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate className="max-w-lg space-y-4">
      <SelectField
        label="Type de compte"
        name="role"
        id="role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        error={err.role}
        options={[
          { value: "doctor", label: "Médecin" },
          { value: "secretary", label: "Secrétariat" },
          { value: "patient", label: "Patient" },
        ]}
      />
      {role === "doctor" && (
        <SelectField
          label="Profession"
          name="doctorKind"
          id="doctorKind"
          defaultValue="medecin"
          error={err.doctorKind}
          options={[
            { value: "medecin", label: "Médecin" },
            { value: "medecin_dentiste", label: "Médecin-dentiste" },
          ]}
        />
      )}
      <Field label="Courriel" name="email" type="email" autoComplete="off" error={err.email} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Prénom" name="firstName" autoComplete="off" error={err.firstName} />
        <Field label="Nom" name="lastName" autoComplete="off" error={err.lastName} />
      </div>
      <TextArea label="Raison de l'invitation (journal d'audit)" name="reason" id="reason" rows={2} maxLength={600} error={err.reason} />
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.status === "success" && <Alert tone="info">{state.message}</Alert>}
      <Button type="submit" pending={pending}>
        Créer et envoyer l&apos;invitation
      </Button>
    </form>
  );
}
