"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { useServerForm } from "@/components/ui/use-server-form";
import { formatCount } from "@/lib/format/number";
import type { FormState } from "@/lib/forms/form-state";
import { MAX_REVIEW_COMMENT } from "@/lib/patient-space/schema";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; visitLabel: string };

/**
 * « Laisser un avis »: opened on demand under a past visit. The stars are native radio buttons in
 * a fieldset (arrow keys move between them, a screen reader says « 4 étoiles sur 5 »).
 */
export function ReviewForm({ action, visitLabel }: Props) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState(0);
  const { state, pending, formProps } = useServerForm(action);
  if (state.status === "success") return <Alert tone="info">{state.message}</Alert>;
  if (!open)
    return (
      <Button
        type="button"
        variant="secondary"
        className="px-3! py-1.5!"
        onClick={() => setOpen(true)}
        aria-label={`Laisser un avis sur ${visitLabel}`}
      >
        Laisser un avis
      </Button>
    );
  const ratingError = state.fieldErrors?.rating;
  return (
    <form {...formProps} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Votre avis sur ${visitLabel}`}>
      <fieldset aria-invalid={ratingError ? true : undefined} aria-describedby={ratingError ? `${uid}-rating-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Votre note</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name="rating"
                value={n}
                className="peer sr-only"
                checked={rating === n}
                onChange={() => setRating(n)}
                aria-label={`${n} étoile${n > 1 ? "s" : ""} sur 5`}
              />
              <span
                aria-hidden
                className={`block text-3xl leading-none peer-focus-visible:rounded peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${n <= rating ? "text-amber-500" : "text-slate-300"}`}
              >
                ★
              </span>
            </label>
          ))}
        </div>
        {ratingError && (
          <p id={`${uid}-rating-error`} className="mt-1 text-sm text-red-700">
            {ratingError}
          </p>
        )}
      </fieldset>
      <TextArea
        label="Commentaire (facultatif)"
        name="comment"
        id={`${uid}-comment`}
        maxLength={MAX_REVIEW_COMMENT}
        hint={`${formatCount(MAX_REVIEW_COMMENT)} caractères au plus. Le médecin voit votre avis sans votre nom.`}
        error={state.fieldErrors?.comment}
      />
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Publier mon avis
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
