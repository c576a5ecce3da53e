import type { ComponentProps, ReactNode } from "react";
import { formatDate } from "@/lib/format/datetime";
import { Stars } from "./stars";
import { TextAnswerForm } from "./text-answer-form";

/** The one text a reader may send about a review (the doctor's answer, support's reason to hide it). */
export type ReviewTextAction = ComponentProps<typeof TextAnswerForm>;

/** A review as a list shows it; the practice and support also read the visit, the answer's date, the moderation. */
export type ListedReview = {
  id?: string;
  rating: number;
  comment: string | null;
  createdAt: Date;
  answer: string | null;
  answeredAt?: Date | null;
  visitAt?: Date | null;
  hidden?: boolean;
  hiddenReason?: string | null;
};

/**
 * Reviews as the public booking page (/rdv/…), the practice (/avis) and support (/admin/avis) read
 * them: never the author's name. `empty` is the text without any; per review, `heading` adds to its
 * first line and `act` gives what may be done (null when nothing may; none on the public page).
 */
export function ReviewList<R extends ListedReview>({
  reviews,
  empty = "Aucun avis pour l'instant.",
  heading,
  act,
}: {
  reviews: R[];
  empty?: string;
  heading?: (review: R) => ReactNode;
  act?: (review: R) => ReviewTextAction | null;
}) {
  if (!reviews.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {reviews.map((r, i) => {
        const action = act?.(r);
        return (
          <ReviewItem key={r.id ?? i} review={r} heading={heading?.(r)}>
            {action && <TextAnswerForm {...action} />}
          </ReviewItem>
        );
      })}
    </ul>
  );
}

/** One review (never the author's name), with what may be done. */
function ReviewItem({ review, heading, children }: { review: ListedReview; heading?: ReactNode; children?: ReactNode }) {
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
