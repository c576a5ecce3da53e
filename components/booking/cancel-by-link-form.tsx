"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerForm } from "@/components/ui/use-server-form";
import type { FormState } from "@/lib/forms/form-state";

type Props = { token: string; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** The confirm button of /rdv/annuler/<token>; once cancelled, says so in place of the button. */
export function CancelByLinkForm({ token, action }: Props) {
  const { state, pending, formProps } = useServerForm(action);
  if (state.status === "success") {
    return (
      <div className="space-y-3">
        <Alert tone="info">{state.message}</Alert>
        <Link href="/rdv" className="inline-block text-sm font-semibold text-brand-700 underline">
          Prendre un autre rendez-vous
        </Link>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        Annuler ce rendez-vous
      </Button>
    </form>
  );
}
