import type { Metadata } from "next";
import { ReviewList } from "@/components/reviews/review-list";
import { Card } from "@/components/ui/card";
import { requireSupport } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format/datetime";
import { listReviewsForSupport } from "@/lib/reviews/reviews";
import { MAX_HIDE_REASON } from "@/lib/reviews/schema";
import { hideReviewAction } from "./actions";

export const metadata: Metadata = { title: "Avis — modération" };

export default async function SupportReviewsPage() {
  await requireSupport();
  const reviews = await listReviewsForSupport();
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-slate-900">Avis des patients</h1>
        <p className="text-sm text-slate-600">
          Les 100 derniers avis. Masquer un avis le retire des pages publiques et des chiffres du médecin ; la raison est inscrite au journal
          d&apos;audit.
        </p>
      </div>
      <Card>
        <ReviewList
          reviews={reviews}
          heading={(r) => <span className="font-medium text-slate-900">{r.doctorName}</span>}
          act={(r) =>
            r.hidden
              ? null
              : {
                  openLabel: "Masquer",
                  accessibleLabel: `Masquer l'avis du ${formatDate(r.createdAt)} sur ${r.doctorName}`,
                  label: "Raison du masquage (journal d'audit)",
                  name: "reason",
                  submitLabel: "Masquer l'avis",
                  maxLength: MAX_HIDE_REASON,
                  action: hideReviewAction.bind(null, r.id),
                }
          }
        />
      </Card>
    </div>
  );
}
