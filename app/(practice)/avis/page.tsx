import type { Metadata } from "next";
import { ReviewList } from "@/components/reviews/review-list";
import { Card } from "@/components/ui/card";
import { requireDoctor } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format/datetime";
import { formatCount, formatRating } from "@/lib/format/number";
import { listDoctorReviews } from "@/lib/reviews/reviews";
import { MAX_REVIEW_ANSWER } from "@/lib/reviews/schema";
import { answerReviewAction } from "./actions";

export const metadata: Metadata = { title: "Avis" };

export default async function ReviewsPage() {
  const { doctor } = await requireDoctor();
  const reviews = await listDoctorReviews(doctor.id);
  const published = reviews.filter((r) => !r.hidden);
  const average = published.length ? published.reduce((sum, r) => sum + r.rating, 0) / published.length : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-slate-900">Avis</h1>
        <p className="text-sm text-slate-600">
          Les avis laissés par vos patients après une consultation terminée, sans leur nom. Vous pouvez répondre une fois à chacun ; la réponse est
          publique là où l&apos;avis l&apos;est.
          {average !== null && (
            <>
              {" "}
              Moyenne : <strong>{formatRating(average)} / 5</strong> sur {formatCount(published.length)} avis publiés.
            </>
          )}
        </p>
      </div>
      <Card>
        <ReviewList
          reviews={reviews}
          act={(r) =>
            r.answer || r.hidden
              ? null
              : {
                  openLabel: "Répondre",
                  accessibleLabel: `Répondre à l'avis du ${formatDate(r.createdAt)}`,
                  label: "Votre réponse (une seule, publique)",
                  name: "answer",
                  submitLabel: "Publier la réponse",
                  maxLength: MAX_REVIEW_ANSWER,
                  action: answerReviewAction.bind(null, r.id),
                }
          }
        />
      </Card>
    </div>
  );
}
