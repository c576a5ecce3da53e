import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/forms/form-state";

/** What a profile form says after its action: the confirmation, or the error about the whole form. */
export function FormFeedback({ state }: { state: FormState<unknown> }) {
  if (state.status === "success" && state.message) return <Alert tone="info">{state.message}</Alert>;
  if (state.status === "error" && state.formError) return <Alert>{state.formError}</Alert>;
  return null;
}
