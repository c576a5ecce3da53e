"use client";

import { Alert } from "@/components/ui/alert";
import { Modal } from "./modal";

type Props = {
  title: string;
  /** The server's question (« Ce créneau est en dehors des heures d'ouverture… »). */
  question: string;
  /** The button that answers yes (« Déplacer hors des heures d'ouverture »). */
  answer: string;
  pending: boolean;
  onAnswer: () => void;
  onClose: () => void;
};

/**
 * « Hors des heures d'ouverture ? » asked in the agenda's dialog, with the booking form's warning
 * and button (create-dialog.tsx): only that button answers yes. The focus goes to the question,
 * not to a button, so Enter pressed out of habit answers nothing; Échap, « Annuler » or the close
 * button back out.
 */
export function OutsideHoursQuestion({ title, question, answer, pending, onAnswer, onClose }: Props) {
  return (
    <Modal title={title} labelId="outside-hours-title" onClose={onClose}>
      <Alert tone="warning">
        <p tabIndex={-1} data-autofocus className="focus:outline-none">
          {question}
        </p>
      </Alert>
      <div className="flex flex-wrap justify-end gap-2">
        <button
          type="button"
          onClick={onClose}
          className="rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
        >
          Annuler
        </button>
        <button
          type="button"
          onClick={onAnswer}
          disabled={pending}
          aria-busy={pending || undefined}
          className="rounded-md bg-amber-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-amber-700 disabled:opacity-60"
        >
          {answer}
        </button>
      </div>
    </Modal>
  );
}
