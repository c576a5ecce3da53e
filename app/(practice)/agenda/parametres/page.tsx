import type { Metadata } from "next";
import Link from "next/link";
import { AbsenceForm } from "@/components/agenda-settings/absence-form";
import { MotifForm } from "@/components/agenda-settings/motif-form";
import { MotifList } from "@/components/agenda-settings/motif-list";
import { OnlineBookingForm } from "@/components/agenda-settings/online-booking-form";
import { OpeningHoursForm } from "@/components/agenda-settings/opening-hours-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { listAbsences } from "@/lib/agenda/absences";
import { listHolidays } from "@/lib/agenda/holiday-openings";
import { readOpeningHours } from "@/lib/agenda/opening-hours";
import { listVisitReasons } from "@/lib/agenda/visit-reasons";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { readOnlineBookingSettings } from "@/lib/booking/settings";
import { formatCalendarDate, formatDate, formatDateTime } from "@/lib/format/datetime";
import { addDays, dayBounds, instantToWallClock, todayIn } from "@/lib/time/luxembourg";
import { displayName } from "@/lib/users/display-name";
import {
  createAbsenceAction,
  deleteAbsenceAction,
  deleteMotifAction,
  reorderMotifsAction,
  saveMotifAction,
  saveOnlineBookingAction,
  saveOpeningHoursAction,
  setHolidayOpenAction,
  setMotifActiveAction,
} from "./actions";

export const metadata: Metadata = { title: "Paramètres de l'agenda" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const WEEKDAY = new Intl.DateTimeFormat("fr-LU", { timeZone: "UTC", weekday: "long" });

/** « du 10/02/2027 au 12/02/2027 » for whole days, else « du 10/02/2027 14:00 au 10/02/2027 18:00 ». */
function absencePeriod(startsAt: Date, endsAt: Date): string {
  const [start, end] = [instantToWallClock(startsAt), instantToWallClock(endsAt)];
  if (start.minute === 0 && end.minute === 0) {
    const last = addDays(end.day, -1);
    const day = (d: string) => formatDate(dayBounds(d).start);
    return last === start.day ? `le ${day(start.day)} (journée entière)` : `du ${day(start.day)} au ${day(last)} inclus`;
  }
  return `du ${formatDateTime(startsAt)} au ${formatDateTime(endsAt)}`;
}

export default async function AgendaSettingsPage({ searchParams }: Props) {
  const access = await requirePracticeAccess();
  const thisYear = Number(todayIn().slice(0, 4));
  const asked = Number((await searchParams).annee);
  const year = Number.isInteger(asked) && asked >= thisYear - 1 && asked <= thisYear + 5 ? asked : thisYear;
  const [hours, absences, holidays, motifs, online] = await Promise.all([
    readOpeningHours(access),
    listAbsences(access, { from: new Date() }),
    listHolidays(access, year),
    listVisitReasons(access, { includeInactive: true }),
    readOnlineBookingSettings(access),
  ]);
  const yearLink = (y: number) => (
    <Link
      href={`/agenda/parametres?annee=${y}#jours-feries`}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
      aria-label={`Jours fériés ${y}`}
    >
      {y < year ? `← ${y}` : `${y} →`}
    </Link>
  );

  return (
    <div className="max-w-4xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm text-slate-600">
        <Link href="/agenda" className="font-medium text-brand-700 hover:underline">
          Agenda
        </Link>{" "}
        <span aria-hidden>›</span> Paramètres
      </nav>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Paramètres de l&apos;agenda</h1>
        {access.mode === "secretary" && <p className="text-slate-600">Agenda de {displayName(access.doctor)}.</p>}
      </div>

      <Card title="Heures d'ouverture">
        <OpeningHoursForm hours={hours} action={saveOpeningHoursAction} />
      </Card>

      <Card title="Absences">
        <div className="space-y-5">
          {absences.length ? (
            <ul className="divide-y divide-slate-100" aria-label="Absences à venir">
              {absences.map((a) => (
                <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div>
                    <p className="font-medium text-slate-900">{a.label}</p>
                    <p className="text-sm text-slate-600 tabular-nums">{absencePeriod(a.startsAt, a.endsAt)}</p>
                  </div>
                  <ConfirmAction
                    label="Supprimer"
                    accessibleLabel={`Supprimer l'absence « ${a.label} »`}
                    question={`Supprimer l'absence « ${a.label} » ?`}
                    confirmLabel="Confirmer la suppression"
                    action={deleteAbsenceAction.bind(null, a.id)}
                    showSuccess={false}
                    compact
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">Aucune absence à venir.</p>
          )}
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Nouvelle absence</h3>
            <AbsenceForm action={createAbsenceAction} />
          </div>
        </div>
      </Card>

      <section
        id="jours-feries"
        aria-labelledby="jours-feries-titre"
        className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="jours-feries-titre" className="text-base font-semibold text-slate-900">
            Jours fériés {year}
          </h2>
          <nav aria-label="Année" className="flex gap-2">
            {year > thisYear - 1 && yearLink(year - 1)}
            {year < thisYear + 5 && yearLink(year + 1)}
          </nav>
        </div>
        <p className="mb-2 text-sm text-slate-600">Le cabinet est fermé les jours fériés légaux, sauf ceux que vous ouvrez.</p>
        <ul className="divide-y divide-slate-100">
          {holidays.map((h) => (
            <li key={h.day} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{h.name}</p>
                <p className="text-sm text-slate-600">
                  {WEEKDAY.format(new Date(`${h.day}T00:00:00Z`))} {formatCalendarDate(h.day)}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${h.open ? "bg-green-50 text-green-900" : "bg-slate-200 text-slate-800"}`}
                >
                  {h.open ? "Ouvert" : "Fermé"}
                </span>
                <ActionButton
                  label={h.open ? "Fermer ce jour" : "Ouvrir ce jour"}
                  accessibleLabel={`${h.open ? "Fermer" : "Ouvrir"} le ${formatCalendarDate(h.day)} (${h.name})`}
                  action={setHolidayOpenAction.bind(null, h.day, !h.open)}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>

      <Card title="Motifs de consultation">
        <div className="space-y-5">
          <MotifList
            motifs={motifs}
            actions={{
              save: Object.fromEntries(motifs.map((m) => [m.id, saveMotifAction.bind(null, m.id)])),
              setActive: Object.fromEntries(motifs.map((m) => [m.id, setMotifActiveAction.bind(null, m.id, !m.active)])),
              remove: Object.fromEntries(motifs.map((m) => [m.id, deleteMotifAction.bind(null, m.id)])),
              reorder: reorderMotifsAction,
            }}
          />
          <div className="border-t border-slate-200 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">Nouveau motif</h3>
            <MotifForm action={saveMotifAction.bind(null, null)} idPrefix="nouveau" submitLabel="Créer le motif" />
          </div>
        </div>
      </Card>

      <section
        id="reservation-en-ligne"
        aria-labelledby="reservation-en-ligne-titre"
        className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="reservation-en-ligne-titre" className="mb-3 text-base font-semibold text-slate-900">
          Prise de rendez-vous en ligne
        </h2>
        <OnlineBookingForm
          values={online.settings}
          // Custom windows start from the opening hours until some are saved.
          windows={online.windows.length ? online.windows : hours}
          motifs={online.motifs}
          slug={online.settings.slug}
          action={saveOnlineBookingAction}
        />
      </section>
    </div>
  );
}
