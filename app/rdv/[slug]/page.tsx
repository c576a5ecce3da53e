import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { dayLabel, FreeWeek, timeLabel } from "@/components/booking/free-week";
import { PublicReviews } from "@/components/booking/public-reviews";
import { findDoctorBySlugCached as findDoctorBySlug } from "@/lib/booking/public-doctor";
import { listPublicReviews, loadPublicWeek, weekOf } from "@/lib/booking/public-page";
import { parsePublicPageQuery } from "@/lib/booking/schema";
import { formatAddress } from "@/lib/format/address";
import { formatCalendarRange } from "@/lib/format/datetime";
import { addDays, instantToWallClock } from "@/lib/time/luxembourg";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doctor = await findDoctorBySlug((await params).slug);
  return { title: doctor ? `${doctor.name} — rendez-vous en ligne` : "Médecin introuvable" };
}

/** « +352 26 12 34 56 » from « +35226123456 », kept as is when it is not a Luxembourg number. */
function phoneLabel(phone: string): string {
  const m = /^\+352(\d+)$/.exec(phone);
  return m ? `+352 ${m[1]!.replace(/(\d{2})(?=\d)/g, "$1 ")}` : phone;
}

export default async function DoctorBookingPage({ params, searchParams }: Props) {
  const doctor = await findDoctorBySlug((await params).slug);
  if (!doctor) notFound();
  const asked = parsePublicPageQuery(await searchParams);
  const [view, reviews] = await Promise.all([
    loadPublicWeek(doctor, asked),
    doctor.showReviews ? listPublicReviews(doctor.id) : Promise.resolve(null),
  ]);
  const base = `/rdv/${doctor.slug}`;
  const weekHref = (week: string, hash = "") =>
    `${base}?${new URLSearchParams({ ...(view.motif ? { motif: view.motif.id } : {}), semaine: week })}${hash}`;
  const bookHref = (start: Date) => `${base}/reserver?${new URLSearchParams({ motif: view.motif!.id, debut: start.toISOString() })}`;
  const address = formatAddress(doctor);
  const phone = doctor.phone ? (
    <a href={`tel:${doctor.phone.replace(/\s/g, "")}`} className="font-semibold text-brand-700 underline">
      {phoneLabel(doctor.phone)}
    </a>
  ) : null;

  return (
    <div className="space-y-5">
      <nav aria-label="Fil d'Ariane" className="text-sm text-slate-600">
        <Link href="/rdv" className="font-medium text-brand-700 hover:underline">
          Trouver un médecin
        </Link>{" "}
        <span aria-hidden>›</span> {doctor.name}
      </nav>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h1 className="text-2xl font-bold text-slate-900">{doctor.name}</h1>
        <p className="text-slate-700">{doctor.specialty ?? (doctor.doctorKind === "medecin_dentiste" ? "Médecin-dentiste" : "Médecin")}</p>
        {address && <p className="mt-2 text-sm text-slate-700">{address}</p>}
        {phone && <p className="mt-1 text-sm text-slate-700">Téléphone : {phone}</p>}
      </section>

      {!doctor.enabled ? (
        <section className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-900" aria-labelledby="rdv-off">
          <h2 id="rdv-off" className="font-semibold">
            Pas de rendez-vous en ligne pour le moment
          </h2>
          <p className="mt-1 text-sm">
            {doctor.name} ne prend pas de rendez-vous en ligne actuellement.{" "}
            {phone ? <>Appelez le cabinet au {phone}.</> : "Contactez le cabinet par téléphone."}
          </p>
        </section>
      ) : view.motifs.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          Aucun motif ne se réserve en ligne pour l&apos;instant. {phone ? <>Appelez le cabinet au {phone}.</> : null}
        </p>
      ) : (
        <>
          <section aria-labelledby="rdv-motif" className="space-y-2">
            <h2 id="rdv-motif" className="text-base font-semibold text-slate-900">
              Motif du rendez-vous
            </h2>
            <ul className="flex flex-wrap gap-2">
              {view.motifs.map((m) => {
                const current = m.id === view.motif?.id;
                return (
                  <li key={m.id}>
                    <Link
                      href={`${base}?${new URLSearchParams({ motif: m.id, semaine: view.week })}`}
                      aria-current={current ? "true" : undefined}
                      className={`block rounded-full border px-3 py-1.5 text-sm ${current ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"}`}
                    >
                      {m.label} · {m.durationMinutes} min
                    </Link>
                  </li>
                );
              })}
            </ul>
            {view.motif && !view.motif.openToNewPatients && (
              <p className="text-sm text-slate-600">Ce motif est réservé aux patients déjà suivis par le cabinet.</p>
            )}
          </section>

          <section aria-labelledby="rdv-semaine" className="space-y-3">
            {view.next ? (
              <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
                Prochain créneau disponible :{" "}
                <Link href={weekHref(weekOf(view.next), `#jour-${instantToWallClock(view.next).day}`)} className="font-semibold underline">
                  {dayLabel(instantToWallClock(view.next).day)} à {timeLabel(view.next)}
                </Link>
              </p>
            ) : (
              <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
                Aucun créneau libre en ligne dans les {doctor.horizonWeeks} prochaines semaines. {phone ? <>Appelez le cabinet au {phone}.</> : null}
              </p>
            )}
            <div className="flex items-center justify-between gap-2">
              {view.previousWeek ? (
                <Link
                  href={weekHref(view.previousWeek)}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800"
                  rel="prev"
                >
                  ← Semaine précédente
                </Link>
              ) : (
                <span />
              )}
              {view.nextWeek && (
                <Link
                  href={weekHref(view.nextWeek)}
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800"
                  rel="next"
                >
                  Semaine suivante →
                </Link>
              )}
            </div>
            <h2 id="rdv-semaine" className="text-base font-semibold text-slate-900">
              Semaine du {formatCalendarRange(view.week, addDays(view.week, 6))}
            </h2>
            <FreeWeek days={view.days} bookHref={bookHref} />
          </section>
        </>
      )}

      {reviews && <PublicReviews {...reviews} />}
    </div>
  );
}
