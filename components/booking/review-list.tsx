import { formatDate } from "@/lib/format/datetime";

type Review = { rating: number; comment: string | null; createdAt: Date; answer: string | null };

const stars = (rating: number) => "★".repeat(rating) + "☆".repeat(5 - rating);

/** Published reviews, anonymous, each with the doctor's answer when there is one. */
export function ReviewList({ reviews, count, average }: { reviews: Review[]; count: number; average: number | null }) {
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
            <span aria-hidden className="text-amber-600">
              {stars(Math.round(average))}
            </span>{" "}
            {average.toLocaleString("fr-LU", { maximumFractionDigits: 1 })} sur 5 ({count} avis)
          </p>
          <ul className="space-y-3">
            {reviews.map((r, i) => (
              <li key={i} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="text-sm">
                  <span className="text-amber-600" aria-label={`${r.rating} sur 5`}>
                    {stars(r.rating)}
                  </span>{" "}
                  <span className="text-slate-500">{formatDate(r.createdAt)}</span>
                </p>
                {r.comment && <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{r.comment}</p>}
                {r.answer && (
                  <div className="mt-2 border-l-2 border-brand-600 pl-3 text-sm text-slate-700">
                    <p className="font-medium text-slate-900">Réponse du médecin</p>
                    <p className="whitespace-pre-line">{r.answer}</p>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
