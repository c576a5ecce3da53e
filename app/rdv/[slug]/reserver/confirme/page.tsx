import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingSummary } from "@/components/booking/booking-summary";
import { requirePatient } from "@/lib/auth/guards";
import { bookedAppointment } from "@/lib/booking/flow";
import { findDoctorBySlug } from "@/lib/booking/public-doctor";

export const metadata: Metadata = { title: "Rendez-vous confirmé" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** After « Confirmer »: only the account that booked the appointment sees it here. */
export default async function BookingConfirmedPage({ params, searchParams }: Props) {
  const live = await requirePatient();
  const { slug } = await params;
  const id = (await searchParams).rdv;
  const [doctor, appointment] = await Promise.all([findDoctorBySlug(slug), typeof id === "string" ? bookedAppointment(live.user.id, id) : null]);
  if (!doctor || !appointment) notFound();
  const minutes = Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000);
  return (
    <main id="contenu" className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <div role="status">
        <h1 className="text-2xl font-bold text-slate-900">Rendez-vous confirmé</h1>
        <p className="text-slate-700">
          Pour {appointment.person.firstName} {appointment.person.lastName}. Un courriel de confirmation avec l&apos;invitation pour votre agenda vous
          est envoyé.
        </p>
      </div>
      <BookingSummary
        doctor={doctor}
        motif={{ label: appointment.motif ?? "Consultation", durationMinutes: minutes }}
        startsAt={appointment.startsAt}
      />
      <ul className="space-y-2 text-sm">
        <li>
          <Link href="/patient" className="font-semibold text-brand-700 underline">
            Voir mes rendez-vous
          </Link>{" "}
          (annuler ou déplacer)
        </li>
        <li>
          <Link href="/securite" className="text-brand-700 underline">
            Activer la double authentification
          </Link>{" "}
          pour mieux protéger votre compte (facultatif)
        </li>
      </ul>
    </main>
  );
}
