import { ReviewList, type ListedReview } from "@/components/reviews/review-list";
import { Stars } from "@/components/reviews/stars";
import { formatCount } from "@/lib/format/number";

/** The public booking page's reviews: how many, their average, then the list (published ones only). */
export function PublicReviews({ reviews, count, average }: { reviews: ListedReview[]; count: number; average: number | null }) {
  return (
    <section aria-labelledby="rdv-avis" className="space-y-3">
      <h2 id="rdv-avis" className="text-base font-semibold text-slate-900">
        Avis des patients
      </h2>
      {count === 0 || average === null ? (
        <p className="text-sm text-slate-600">Pas encore d&apos;avis.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            <span aria-hidden>
              <Stars rating={Math.round(average)} />
            </span>{" "}
            {average.toLocaleString("fr-LU", { maximumFractionDigits: 1 })} sur 5 ({formatCount(count)} avis)
          </p>
          <ReviewList reviews={reviews} empty="Pas encore d'avis." />
        </>
      )}
    </section>
  );
}
