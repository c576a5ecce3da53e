import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { AppointmentStatistics, PatientStatistics, ReviewStatistics, WeeklyAppointments } from "@/lib/dashboard/types";
import { formatCount, formatRate, formatRating } from "@/lib/format/number";

function Figure({ value, label, emphasis = false }: { value: string; label: string; emphasis?: boolean }) {
  return (
    // The term comes first for screen readers; the figure shows above it.
    <div className="flex flex-col-reverse">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`font-bold tabular-nums text-slate-900 ${emphasis ? "text-3xl" : "text-2xl"}`}>{value}</dd>
    </div>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600">{children}</p>;
}

export function PatientsCard({ patients }: { patients: PatientStatistics }) {
  return (
    <Card title="Patients">
      {patients.total === 0 ? (
        <Empty>Aucun patient enregistré pour l&apos;instant. Vos patients apparaîtront ici dès leur premier rendez-vous.</Empty>
      ) : (
        <dl className="space-y-3">
          <Figure value={formatCount(patients.total)} label={patients.total === 1 ? "patient au total" : "patients au total"} emphasis />
          <Figure value={`+${formatCount(patients.newThisMonth)}`} label="nouveaux ce mois-ci" />
        </dl>
      )}
    </Card>
  );
}

export function AppointmentsCard({ appointments, weeks }: { appointments: AppointmentStatistics; weeks: WeeklyAppointments[] }) {
  // Nothing this month, nothing ahead, nothing in 12 weeks: a practice without appointments yet,
  // which deserves a sentence rather than a row of zeros.
  const empty = appointments.thisMonth + appointments.next7Days === 0 && weeks.every((w) => w.count === 0);
  return (
    <Card title="Rendez-vous">
      {empty ? (
        <Empty>Aucun rendez-vous pour l&apos;instant : les rendez-vous pris en ligne ou au cabinet s&apos;afficheront ici.</Empty>
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-3 gap-2">
            <Figure value={formatCount(appointments.today)} label="aujourd'hui" emphasis />
            <Figure value={formatCount(appointments.next7Days)} label="sur 7 jours" emphasis />
            <Figure value={formatCount(appointments.thisMonth)} label="ce mois-ci" emphasis />
          </dl>
          <p className="text-sm text-slate-700" data-testid="booked-online">
            dont en ligne : <span className="font-semibold tabular-nums text-slate-900">{formatCount(appointments.thisMonthOnline)}</span>
          </p>
          <dl className="grid grid-cols-2 gap-2 border-t border-slate-100 pt-3 text-sm">
            <div>
              <dt className="text-slate-600">Annulations</dt>
              <dd className="font-semibold tabular-nums text-slate-900">{formatRate(appointments.cancellationRate)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Absences</dt>
              <dd className="font-semibold tabular-nums text-slate-900">{formatRate(appointments.noShowRate)}</dd>
            </div>
          </dl>
          <p className="text-xs text-slate-500">
            Rendez-vous annulés exclus des totaux. Annulations : part des rendez-vous du mois ; absences : part des rendez-vous du mois déjà passés.
          </p>
        </div>
      )}
    </Card>
  );
}

/** Five stars filled in proportion to the average: 4,5 shows four and a half, never five. */
function Stars({ average }: { average: number }) {
  return (
    <span aria-hidden className="relative inline-block whitespace-nowrap text-lg leading-none">
      <span className="text-slate-300">★★★★★</span>
      <span
        data-testid="stars-filled"
        className="absolute inset-y-0 left-0 overflow-hidden text-amber-500"
        style={{ width: `${(Math.min(5, Math.max(0, average)) / 5) * 100}%` }}
      >
        ★★★★★
      </span>
    </span>
  );
}

export function ReviewsCard({ reviews }: { reviews: ReviewStatistics }) {
  return (
    <Card title="Avis">
      {reviews.count === 0 || reviews.averageRating === null ? (
        <Empty>Aucun avis publié pour l&apos;instant.</Empty>
      ) : (
        <div className="space-y-3">
          <dl className="flex flex-col-reverse">
            <dt className="text-sm text-slate-600">note moyenne</dt>
            <dd className="flex items-baseline gap-2">
              <span className="text-3xl font-bold tabular-nums text-slate-900">{formatRating(reviews.averageRating)}</span>
              <span className="text-sm text-slate-600">/ 5</span>
              <Stars average={reviews.averageRating} />
            </dd>
          </dl>
          {/* A list of its own: a <dl> groups its terms in <div>s one level deep only. */}
          <dl className="flex gap-6">
            <Figure value={formatCount(reviews.count)} label={reviews.count === 1 ? "avis publié" : "avis publiés"} />
            <Figure value={formatCount(reviews.last30Days)} label="ces 30 derniers jours" />
          </dl>
        </div>
      )}
    </Card>
  );
}
