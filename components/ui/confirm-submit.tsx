"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

type Props = {
  /** The button that opens the question, and the question's own confirm button. */
  label: string;
  /** The question, e.g. « Fermer les 3 sessions ? ». */
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel?: string;
  variant?: "primary" | "secondary";
  pending?: boolean;
  /** The accessible name of the opening button when `label` alone is ambiguous on the page. */
  "aria-label"?: string;
};

/**
 * A submit button that asks first: an action that cannot be undone opens a modal dialog (native
 * <dialog>: focus moves into it and comes back, Escape closes it) saying what will happen, with
 * « Annuler » focused and the confirm button submitting the surrounding form.
 */
export function ConfirmSubmit({ label, title, children, confirmLabel = label, variant = "secondary", pending, ...rest }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <Button
        type="button"
        variant={variant}
        pending={pending}
        aria-haspopup="dialog"
        aria-label={rest["aria-label"]}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div id={`${id}-what`} className="mt-2 text-sm text-slate-700">
          {children}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Annuler
          </Button>
          {/* Closing first: the click still submits the form the dialog sits in. */}
          <Button type="submit" onClick={() => dialog.current?.close()}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
