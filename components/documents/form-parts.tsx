import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";

/** What every document form shows under its fields: the error about the whole form, then the buttons. */
export function FormFooter({
  state,
  pending,
  submitLabel,
  replacesNumber,
  cancelHref,
}: {
  state: FormState<unknown>;
  pending: boolean;
  submitLabel: string;
  replacesNumber: string | null;
  cancelHref: string;
}) {
  return (
    <div className="space-y-3 border-t border-slate-100 pt-4">
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {replacesNumber ? `Établir la correction (annule le n° ${replacesNumber})` : submitLabel}
        </Button>
        {replacesNumber && (
          <a href={cancelHref} className="text-sm font-medium text-slate-700 underline hover:text-slate-900">
            Abandonner la correction
          </a>
        )}
        <p className="text-xs text-slate-500">Un document établi ne peut plus être modifié ; une correction l&apos;annule et le remplace.</p>
      </div>
    </div>
  );
}

export function RemoveLineButton({ onClick, label, disabled }: { onClick: () => void; label: string; disabled: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={label}
      className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-lg text-slate-500 hover:bg-red-50 hover:text-red-700 disabled:invisible"
    >
      ×
    </button>
  );
}

export function AddLineButton({ onClick, children, disabled }: { onClick: () => void; children: string; disabled: boolean }) {
  return (
    <Button type="button" variant="secondary" onClick={onClick} disabled={disabled} className="py-1.5">
      + {children}
    </Button>
  );
}

export function ArrayError({ message }: { message?: string }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}
