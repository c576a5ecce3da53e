import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/agenda/status-badge";
import { Stars } from "@/components/reviews/stars";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { formatAddress } from "@/lib/format/address";
import { formatAppointmentTime, formatDateTime, machineDateTime } from "@/lib/format/datetime";
import type { FormState } from "@/lib/forms/form-state";
import type { PatientAppointment } from "@/lib/patient-space/appointments";
import { formatPhone, phoneHref } from "@/lib/patients/phone";
import { ReviewForm } from "./review-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type UpcomingActions = {
  cancel: (id: string) => Action;
  waitlist: (id: string, on: boolean) => Action;
};

function Address({ a }: { a: PatientAppointment }) {
  const line = formatAddress(a.practice);
  return line ? <p className="text-sm text-slate-600">{line}</p> : null;
}

function PracticePhone({ phone, children }: { phone: string | null; children: ReactNode }) {
  if (!phone) return <p className="text-sm text-slate-600">{children} Contactez le cabinet.</p>;
  const href = phoneHref(phone);
  return (
    <p className="text-sm text-slate-600">
      {children} Appelez le cabinet :{" "}
      {href ? (
        <a href={href} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
          {formatPhone(phone)}
        </a>
      ) : (
        formatPhone(phone)
      )}
    </p>
  );
}

function Heading({ a }: { a: PatientAppointment }) {
  return (
    <div className="space-y-0.5">
      <h3 className="font-semibold text-slate-900">
        <time dateTime={machineDateTime(a.startsAt)}>{formatAppointmentTime(a.startsAt)}</time>
      </h3>
      <p className="text-sm text-slate-800">
        {a.doctor.name}
        {a.doctor.specialty && <span className="text-slate-600"> · {a.doctor.specialty}</span>}
      </p>
      <p className="text-sm text-slate-700">
        {a.motif?.label ?? "Consultation"} · pour{" "}
        <span className="font-medium">{a.forWhom.relative ? `${a.forWhom.firstName} ${a.forWhom.lastName}` : "vous"}</span>
        {a.bookedOnline && <span className="text-slate-500"> · réservé en ligne</span>}
      </p>
    </div>
  );
}

/** What is coming, soonest first, each with what may still be done about it. */
export function UpcomingAppointments({ appointments, actions, now }: { appointments: PatientAppointment[]; actions: UpcomingActions; now: Date }) {
  if (!appointments.length)
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        Aucun rendez-vous à venir.{" "}
        <Link href="/rdv" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Prendre rendez-vous
        </Link>
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100">
      {appointments.map((a) => {
        const changeable = a.status === "booked" && now <= a.changeableUntil;
        const label = `le rendez-vous du ${formatDateTime(a.startsAt)}`;
        return (
          <li key={a.id} className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="upcoming-appointment" data-appointment-id={a.id}>
            <Heading a={a} />
            <Address a={a} />
            {changeable ? (
              <div className="flex flex-wrap items-start gap-2">
                <ConfirmAction
                  label="Annuler"
                  accessibleLabel={`Annuler ${label}`}
                  question={`Annuler ${label} ? Le créneau sera proposé à d'autres patients.`}
                  confirmLabel="Oui, annuler"
                  action={actions.cancel(a.id)}
                  compact
                />
                {a.movableOnline && (
                  <Link
                    href={`/patient/rendez-vous/${a.id}/deplacer`}
                    className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
                    aria-label={`Déplacer ${label}`}
                  >
                    Déplacer
                  </Link>
                )}
              </div>
            ) : (
              <PracticePhone phone={a.practice.phone}>
                Le délai d&apos;annulation en ligne est passé ({formatDateTime(a.changeableUntil)}).
              </PracticePhone>
            )}
            {a.status === "booked" && (
              <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
                <span>
                  Me prévenir si un créneau se libère plus tôt : <strong data-testid="waitlist-state">{a.waitlist ? "activé" : "désactivé"}</strong>
                </span>
                <ActionButton
                  label={a.waitlist ? "Désactiver" : "Activer"}
                  // The visible word starts the accessible name (WCAG 2.5.3, label in name).
                  accessibleLabel={`${a.waitlist ? "Désactiver" : "Activer"} l'alerte de créneau plus tôt pour ${label}`}
                  action={actions.waitlist(a.id, !a.waitlist)}
                />
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Past and cancelled appointments, latest first, with the review left or the form to leave one.
 * `thanked`: the visit just reviewed, whose review is preceded by `thanks` (a status message).
 */
export function PastAppointments({
  appointments,
  review,
  thanked = null,
  thanks,
}: {
  appointments: PatientAppointment[];
  review: (id: string) => Action;
  thanked?: string | null;
  thanks?: string;
}) {
  if (!appointments.length) return <p className="text-sm text-slate-600">Aucun rendez-vous passé.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {appointments.map((a) => (
        <li key={a.id} id={`avis-${a.id}`} className="space-y-2 py-4 first:pt-0 last:pb-0" data-testid="past-appointment" data-appointment-id={a.id}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <Heading a={a} />
            <StatusBadge status={a.status} cancelledBy={a.cancelledBy} />
          </div>
          {a.review && a.id === thanked && thanks && <Alert tone="info">{thanks}</Alert>}
          {a.review ? (
            <div className="space-y-1 rounded-md bg-slate-50 p-3 text-sm" data-testid="my-review">
              <p>
                Votre avis : <Stars rating={a.review.rating} />
                {a.review.hidden && <span className="ml-2 text-xs text-slate-500">(masqué par la modération)</span>}
              </p>
              {a.review.comment && <p className="whitespace-pre-line text-slate-700">{a.review.comment}</p>}
              {a.review.answer && (
                <p className="border-l-2 border-brand-200 pl-3 text-slate-700">
                  <span className="font-medium">Réponse du médecin :</span> {a.review.answer}
                </p>
              )}
            </div>
          ) : a.status === "done" ? (
            <ReviewForm action={review(a.id)} visitLabel={`le rendez-vous du ${formatDateTime(a.startsAt)}`} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
