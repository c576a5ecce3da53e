import type { Metadata } from "next";
import Link from "next/link";
import { AgendaBoard } from "@/components/agenda/agenda-board";
import { AgendaToolbar } from "@/components/agenda/agenda-toolbar";
import type { AgendaActions } from "@/lib/agenda/action-state";
import { encodeGridView, toGridView } from "@/lib/agenda/grid-view";
import { agendaSearch, parseAgendaQuery } from "@/lib/agenda/schema";
import { listVisitReasons } from "@/lib/agenda/visit-reasons";
import { readAgenda } from "@/lib/agenda/week";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { listAttachedDoctors } from "@/lib/secretary/doctors";
import { addDays, todayIn } from "@/lib/time/luxembourg";
import { displayName } from "@/lib/users/display-name";
import {
  cancelAppointmentAction,
  createAppointmentAction,
  createBookingPatientAction,
  moveAppointmentAction,
  readAppointmentAction,
  resizeAppointmentAction,
  searchBookingPatientsAction,
  setAppointmentStatusAction,
  updateAppointmentDetailsAction,
} from "./actions";

const ACTIONS: AgendaActions = {
  create: createAppointmentAction,
  move: moveAppointmentAction,
  resize: resizeAppointmentAction,
  cancel: cancelAppointmentAction,
  status: setAppointmentStatusAction,
  details: updateAppointmentDetailsAction,
  read: readAppointmentAction,
  searchPatients: searchBookingPatientsAction,
  createPatient: createBookingPatientAction,
};

export const metadata: Metadata = { title: "Agenda" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgendaPage({ searchParams }: Props) {
  const access = await requirePracticeAccess();
  const query = parseAgendaQuery(await searchParams);
  const motifsOf = (doctorId: string) => listVisitReasons({ doctor: { id: doctorId }, user: access.user, mode: access.mode });
  // Read side by side: the session's doctor is always shown, their motifs need not wait for the view.
  const [attached, view, ownMotifs] = await Promise.all([
    access.mode === "secretary" ? listAttachedDoctors(access.user.id) : [],
    // readAgenda keeps, of the doctors asked, only those this person may see (the session's first).
    readAgenda(access, { from: query.from, days: query.days, doctorIds: query.doctorIds }),
    motifsOf(access.doctor.id),
  ]);
  const motifs = Object.fromEntries(
    await Promise.all(view.doctors.map(async (d) => [d.id, d.id === access.doctor.id ? ownMotifs : await motifsOf(d.id)] as const)),
  );
  const step = query.view === "week" ? 7 : 1;
  const doctorIds = view.doctors.length > 1 ? view.doctors.map((d) => d.id) : [];
  const href = (day: string, v: "week" | "day" = query.view, ids: string[] = doctorIds) => `/agenda${agendaSearch({ view: v, day, doctorIds: ids })}`;
  const others = attached.filter((d) => d.id !== access.doctor.id);
  const sideBySide = view.doctors.length > 1;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Agenda</h1>
          <p className="text-slate-600">{sideBySide ? view.doctors.map((d) => d.name).join(" · ") : displayName(access.doctor)}</p>
        </div>
        <Link href="/agenda/parametres" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Paramètres de l&apos;agenda
        </Link>
      </div>
      <AgendaToolbar
        view={query.view}
        day={query.day}
        from={view.from}
        to={view.to}
        previousHref={href(addDays(query.day, -step))}
        nextHref={href(addDays(query.day, step))}
        todayHref={href(todayIn())}
        weekHref={href(query.day, "week", [])}
        dayHref={href(query.day, "day", [])}
        sideBySideHref={others.length ? href(query.day, "day", [access.doctor.id, ...others.map((d) => d.id)]) : null}
        sideBySide={sideBySide}
        doctorIds={doctorIds}
      />
      <AgendaBoard viewJson={encodeGridView(toGridView(view))} motifs={motifs} sessionDoctorId={access.doctor.id} actions={ACTIONS} />
    </div>
  );
}
