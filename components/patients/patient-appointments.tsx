import Link from "next/link";
import { PALETTE } from "@/lib/agenda/palette";
import { StatusBadge } from "@/components/agenda/status-badge";
import { agendaSearch } from "@/lib/agenda/schema";
import { formatDateTime, machineDateTime } from "@/lib/format/datetime";
import type { PatientAppointment } from "@/lib/patients/patients";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";

/** Past appointments shown before « plus anciens ». */
const RECENT = 5;

function Row({ a }: { a: PatientAppointment }) {
  const day = instantToWallClock(a.startsAt).day;
  const colour = a.visitReason ? PALETTE[a.visitReason.colour] : null;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
      <Link
        href={`/agenda${agendaSearch({ view: "day", day })}`}
        className="font-medium text-brand-700 tabular-nums underline-offset-2 hover:underline"
      >
        <time dateTime={machineDateTime(a.startsAt)}>{formatDateTime(a.startsAt)}</time>–{formatTime(instantToWallClock(a.endsAt).minute)}
      </Link>
      {a.visitReason && colour ? (
        <span className="inline-flex items-center gap-1.5 text-sm text-slate-800">
          <span aria-hidden className="size-3 rounded-full border" style={{ background: colour.background, borderColor: colour.border }} />
          {a.visitReason.label}
        </span>
      ) : (
        <span className="text-sm text-slate-500">Sans motif</span>
      )}
      <StatusBadge status={a.status} cancelledBy={a.cancelledBy} />
      {a.overbooked && <span className="rounded-full bg-purple-50 px-2 py-0.5 text-xs font-semibold text-purple-900">En surnombre</span>}
    </li>
  );
}

/** The file's appointments, upcoming then past, each with its status (never colour alone). */
export function PatientAppointments({ upcoming, past }: { upcoming: PatientAppointment[]; past: PatientAppointment[] }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="text-sm font-semibold text-slate-700">À venir</h3>
        {upcoming.length ? (
          <ul className="divide-y divide-slate-100" aria-label="Rendez-vous à venir">
            {upcoming.map((a) => (
              <Row key={a.id} a={a} />
            ))}
          </ul>
        ) : (
          <p className="py-2 text-sm text-slate-600">Aucun rendez-vous à venir.</p>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold text-slate-700">Passés</h3>
        {past.length ? (
          <>
            <ul className="divide-y divide-slate-100" aria-label="Rendez-vous passés">
              {past.slice(0, RECENT).map((a) => (
                <Row key={a.id} a={a} />
              ))}
            </ul>
            {past.length > RECENT && (
              <details className="group">
                <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">
                  {past.length - RECENT} rendez-vous plus ancien{past.length - RECENT > 1 ? "s" : ""}
                </summary>
                <ul className="divide-y divide-slate-100" aria-label="Rendez-vous plus anciens">
                  {past.slice(RECENT).map((a) => (
                    <Row key={a.id} a={a} />
                  ))}
                </ul>
              </details>
            )}
          </>
        ) : (
          <p className="py-2 text-sm text-slate-600">Aucun rendez-vous passé.</p>
        )}
      </div>
    </div>
  );
}
