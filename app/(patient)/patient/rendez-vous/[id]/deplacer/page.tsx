import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RescheduleForm } from "@/components/patient-space/reschedule-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePatient } from "@/lib/auth/guards";
import { loadFreeTimes, nextFreeTimes } from "@/lib/booking/availability";
import { formatAppointmentTime, formatCalendarRange, formatCalendarWeekday, formatDateTime } from "@/lib/format/datetime";
import { findPatientAppointment } from "@/lib/patient-space/appointments";
import { formatPhone } from "@/lib/patients/phone";
import { addDays, dayBounds, formatTime, instantToWallClock, mondayOf, parseDay, todayIn } from "@/lib/time/luxembourg";
import { rescheduleAction } from "./actions";

export const metadata: Metadata = { title: "Déplacer un rendez-vous" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function ReschedulePage({ params, searchParams }: Props) {
  const { user } = await requirePatient();
  const { id } = await params;
  const appointment = await findPatientAppointment(user.id, id);
  if (!appointment) notFound();
  const now = new Date();
  const thisWeek = mondayOf(todayIn(now));
  const asked = (await searchParams).semaine;
  const askedDay = typeof asked === "string" ? parseDay(asked) : null;
  const monday = askedDay && mondayOf(askedDay) > thisWeek ? mondayOf(askedDay) : thisWeek;
  const movable = appointment.status === "booked" && now <= appointment.changeableUntil && appointment.movableOnline && appointment.motif;

  const heading = (
    <div className="space-y-1">
      <p className="text-sm">
        <Link href="/patient" className={link}>
          Mon espace
        </Link>{" "}
        <span aria-hidden>›</span> Déplacer
      </p>
      <h1 className="text-2xl font-bold text-slate-900">Déplacer un rendez-vous</h1>
      <p className="text-slate-700">
        {appointment.motif?.label ?? "Consultation"} avec {appointment.doctor.name}, actuellement le{" "}
        <strong>{formatAppointmentTime(appointment.startsAt)}</strong>
        {appointment.forWhom.relative && ` pour ${appointment.forWhom.firstName} ${appointment.forWhom.lastName}`}.
      </p>
      <p className="text-sm text-slate-600">Votre rendez-vous actuel est conservé tant que le nouveau créneau n&apos;est pas confirmé.</p>
    </div>
  );
  if (!movable) {
    return (
      <div className="max-w-3xl space-y-6">
        {heading}
        <Alert tone="warning">
          Ce rendez-vous ne peut plus être déplacé en ligne
          {appointment.status === "booked" && now > appointment.changeableUntil
            ? ` (délai passé le ${formatDateTime(appointment.changeableUntil)})`
            : ""}
          .{appointment.practice.phone ? ` Appelez le cabinet : ${formatPhone(appointment.practice.phone)}.` : " Contactez le cabinet."}
        </Alert>
      </div>
    );
  }

  const from = dayBounds(monday).start;
  const to = dayBounds(addDays(monday, 7)).start;
  const week = await loadFreeTimes({
    doctorId: appointment.doctor.id,
    visitReasonId: appointment.motif!.id,
    from,
    to,
    now,
    ignoreAppointmentId: appointment.id,
  });
  const days = week
    .map((d) => ({
      day: d.day,
      label: formatCalendarWeekday(d.day),
      times: d.starts
        .filter((s) => s.getTime() !== appointment.startsAt.getTime())
        .map((s) => ({ iso: s.toISOString(), label: formatTime(instantToWallClock(s).minute) })),
    }))
    .filter((d) => d.times.length > 0);
  const [next] = days.length
    ? []
    : await nextFreeTimes({ doctorId: appointment.doctor.id, visitReasonId: appointment.motif!.id, after: to, count: 1, now });

  return (
    <div className="max-w-3xl space-y-6">
      {heading}
      <Card title={`Semaine du ${formatCalendarRange(monday, addDays(monday, 6))}`}>
        <nav aria-label="Semaines" className="mb-4 flex flex-wrap justify-between gap-2 text-sm">
          {monday > thisWeek ? (
            <Link href={`?semaine=${addDays(monday, -7)}`} className={link}>
              ← Semaine précédente
            </Link>
          ) : (
            <span />
          )}
          <Link href={`?semaine=${addDays(monday, 7)}`} className={link}>
            Semaine suivante →
          </Link>
        </nav>
        {days.length ? (
          <RescheduleForm days={days} action={rescheduleAction.bind(null, appointment.id)} />
        ) : (
          <p className="text-sm text-slate-600">
            Aucun créneau libre cette semaine.
            {next && (
              <>
                {" "}
                Prochain créneau disponible :{" "}
                <Link href={`?semaine=${mondayOf(instantToWallClock(next).day)}`} className={link}>
                  {formatAppointmentTime(next)}
                </Link>
              </>
            )}
          </p>
        )}
      </Card>
    </div>
  );
}
