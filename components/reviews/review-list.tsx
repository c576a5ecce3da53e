import type { ComponentProps, ReactNode } from "react";
import { formatDate } from "@/lib/format/datetime";
import type { DoctorReview } from "@/lib/reviews/reviews";
import { TextAnswerForm } from "./text-answer-form";

/** The one text a reader may send about a review (the doctor's answer, support's reason to hide it). */
export type ReviewTextAction = ComponentProps<typeof TextAnswerForm>;

/**
 * The reviews as the practice (/avis) and support (/admin/avis) read them: the list, its empty
 * text, and per review what may be done (`act` answers null when nothing may).
 */
export function ReviewList<R extends DoctorReview>({
  reviews,
  heading,
  act,
}: {
  reviews: R[];
  heading?: (review: R) => ReactNode;
  act: (review: R) => ReviewTextAction | null;
}) {
  if (!reviews.length) return <p className="text-sm text-slate-600">Aucun avis pour l&apos;instant.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {reviews.map((r) => {
        const action = act(r);
        return (
          <ReviewItem key={r.id} review={r} heading={heading?.(r)}>
            {action && <TextAnswerForm {...action} />}
          </ReviewItem>
        );
      })}
    </ul>
  );
}

export function Stars({ rating }: { rating: number }) {
  return (
    <span className="text-amber-500" role="img" aria-label={`${rating} étoile${rating > 1 ? "s" : ""} sur 5`}>
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

/** One review as the practice and support read it (never the author's name), with what may be done. */
function ReviewItem({ review, heading, children }: { review: DoctorReview; heading?: ReactNode; children?: ReactNode }) {
  return (
    <li className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="review" data-review-id={review.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <Stars rating={review.rating} />
        {heading}
        <span className="text-slate-600">
          Publié le {formatDate(review.createdAt)}
          {review.visitAt && <> · consultation du {formatDate(review.visitAt)}</>}
        </span>
        {review.hidden && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">Masqué : {review.hiddenReason}</span>
        )}
      </div>
      {review.comment ? (
        <p className="whitespace-pre-line text-sm text-slate-800">{review.comment}</p>
      ) : (
        <p className="text-sm text-slate-500">Sans commentaire.</p>
      )}
      {review.answer && (
        <p className="border-l-2 border-brand-200 pl-3 text-sm text-slate-700">
          <span className="font-medium">Réponse du médecin{review.answeredAt ? ` (${formatDate(review.answeredAt)})` : ""} :</span> {review.answer}
        </p>
      )}
      {children}
    </li>
  );
}
