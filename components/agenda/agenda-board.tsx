"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import type { AgendaActions } from "@/lib/agenda/action-state";
import type { AgendaAppointment } from "@/lib/agenda/appointment-view";
import { buildAxis, layoutColumns, ROW_MINUTES, rowPosition, visibleRange, wallClockFields } from "@/lib/agenda/grid";
import { PALETTE } from "@/lib/agenda/palette";
import { STATUS_LABEL } from "@/lib/agenda/schema";
import { canReschedule, isActive } from "@/lib/agenda/status";
import type { VisitReason } from "@/lib/agenda/visit-reasons";
import type { AgendaView } from "@/lib/agenda/week";
import { formatCalendarDayMonth } from "@/lib/format/datetime";
import { formatTime, instantToWallClock, todayIn } from "@/lib/time/luxembourg";
import { CreateDialog, type CreateSlot } from "./create-dialog";
import { DetailsDialog } from "./details-dialog";
import { useLiveEvents } from "./live-events";

type Props = {
  view: AgendaView;
  motifs: Record<string, VisitReason[]>;
  mode: "week" | "day";
  sessionDoctorId: string;
  actions: AgendaActions;
};

const ROW_PX = 28;
const WEEKDAY = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const ROW_MS = ROW_MINUTES * 60_000;

const hhmm = (at: Date) => formatTime(instantToWallClock(at).minute);

/** The week or day grid: closed hours shaded, absences and holidays labelled, appointments, free slots. */
export function AgendaBoard({ view, motifs, sessionDoctorId, actions }: Props) {
  const router = useRouter();
  const [showCancelled, setShowCancelled] = useState(false);
  const [creating, setCreating] = useState<CreateSlot | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [now, setNow] = useState<Date | null>(null);
  const [focus, setFocus] = useState<{ col: number; row: number } | null>(null);
  const dragged = useRef<AgendaAppointment | null>(null);

  useEffect(() => {
    // The current-time line is drawn after hydration (the server's clock is not the browser's).
    const first = setTimeout(() => setNow(new Date()), 0);
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  // Another tab, or another person, changed one of these agendas: read the page again.
  const doctorIds = useMemo(() => view.doctors.map((d) => d.id), [view.doctors]);
  useLiveEvents({ agenda: (doctorId) => doctorIds.includes(doctorId) && startTransition(() => router.refresh()) });

  // One column per day (week) or per doctor (a secretary's doctors side by side).
  const columns = useMemo(
    () => view.days.flatMap((day, dayIndex) => day.doctors.map((doctorDay, doctorIndex) => ({ day, dayIndex, doctorDay, doctorIndex }))),
    [view.days],
  );
  const range = useMemo(() => {
    const spans = columns.flatMap(({ doctorDay }) => [
      ...doctorDay.scheduled.map((s) => ({ start: instantToWallClock(s.start).minute, end: endMinute(s.end) })),
      ...doctorDay.appointments
        .filter((a) => isActive(a.status))
        .map((a) => ({ start: instantToWallClock(a.startsAt).minute, end: endMinute(a.endsAt) })),
    ]);
    return visibleRange(spans.filter((s) => s.end > s.start));
  }, [columns]);
  const axis = useMemo(
    () =>
      buildAxis(
        view.days.map((d) => d.day),
        range.from,
        range.to,
      ),
    [view.days, range],
  );

  const all = useMemo(() => new Map(columns.flatMap((c) => c.doctorDay.appointments.map((a) => [a.id, a] as const))), [columns]);
  const opened = openId ? (all.get(openId) ?? null) : null;
  const today = now ? todayIn(now) : null;
  const doctorName = (id: string) => view.doctors.find((d) => d.id === id)?.name ?? "";
  const sideBySide = view.doctors.length > 1;
  const firstFocusable = firstSlot(axis, columns.length);
  const active = focus ?? firstFocusable;

  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>, col: number, row: number) => {
    const delta = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0], PageUp: [0, -4], PageDown: [0, 4] }[event.key];
    if (!delta) return;
    event.preventDefault();
    let c = Math.min(columns.length - 1, Math.max(0, col + delta[0]!));
    let r = Math.min(axis.rows.length - 1, Math.max(0, row + delta[1]!));
    // Skip rows that do not exist on that day (the spring change).
    const cells = axis.days[columns[c]!.dayIndex]!.cells;
    const step = delta[1]! < 0 ? -1 : 1;
    while (r >= 0 && r < cells.length && !cells[r]!.at) r += step;
    if (r < 0 || r >= cells.length) return;
    c = Math.max(0, c);
    setFocus({ col: c, row: r });
    document.querySelector<HTMLButtonElement>(`[data-slot="${c}-${r}"]`)?.focus();
  };

  const drop = async (event: DragEvent<HTMLButtonElement>, rowStart: Date, doctorId: string) => {
    event.preventDefault();
    const appointment = dragged.current;
    dragged.current = null;
    if (!appointment || appointment.doctorId !== doctorId) return;
    // Snap the pointer to the 5-minute grid within the row it fell on.
    const fraction = Math.min(0.999, Math.max(0, event.nativeEvent.offsetY / ROW_PX));
    const startsAt = new Date(rowStart.getTime() + Math.floor((fraction * ROW_MINUTES) / 5) * 5 * 60_000);
    if (startsAt.getTime() === appointment.startsAt.getTime()) return;
    const send = async (confirmed: boolean) => {
      const form = new FormData();
      const fields = wallClockFields(startsAt);
      form.set("appointmentId", appointment.id);
      form.set("doctorId", doctorId);
      form.set("day", fields.day);
      form.set("time", fields.time);
      form.set("occurrence", fields.occurrence);
      if (confirmed) form.set("outsideHoursConfirmed", "on");
      return actions.move({ status: "idle" }, form);
    };
    let result = await send(false);
    if (result.data?.ask === "outside-hours" && window.confirm(result.formError)) result = await send(true);
    setNotice(
      result.status === "success"
        ? { tone: "info", text: result.message ?? "" }
        : result.formError
          ? { tone: "error", text: result.formError }
          : null,
    );
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <button
          type="button"
          onClick={() => setCreating({ doctorId: sessionDoctorId, at: null })}
          className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Nouveau rendez-vous
        </button>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} className="size-4" />
          Afficher les rendez-vous annulés
        </label>
      </div>
      <div role="status" aria-live="polite">
        {notice && (
          <p
            className={`rounded-md border px-4 py-2 text-sm ${notice.tone === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-brand-100 bg-brand-50 text-brand-800"}`}
          >
            {notice.text}
          </p>
        )}
      </div>
      <p id="agenda-keys" className="sr-only">
        Flèches pour passer d&apos;un créneau à l&apos;autre, Entrée pour prendre rendez-vous.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <div
          className="grid"
          style={{
            gridTemplateColumns: `4.75rem repeat(${columns.length}, minmax(${sideBySide || columns.length === 1 ? "12rem" : "7.5rem"}, 1fr))`,
          }}
        >
          {/* Header row */}
          <div className="sticky top-0 z-20 border-b border-slate-200 bg-white" />
          {columns.map(({ day, doctorDay }) => {
            const isToday = day.day === today;
            return (
              <div
                key={`${day.day}-${doctorDay.doctorId}`}
                className={`sticky top-0 z-20 border-b border-l border-slate-200 px-2 py-2 text-sm ${isToday ? "bg-brand-50" : "bg-white"}`}
              >
                <div className={`font-semibold ${isToday ? "text-brand-800" : "text-slate-900"}`}>
                  {sideBySide ? doctorName(doctorDay.doctorId) : `${WEEKDAY[day.weekday - 1]} ${formatCalendarDayMonth(day.day)}`}
                </div>
                {doctorDay.holiday && (
                  <div className="text-xs text-slate-700">
                    {doctorDay.holiday.name} · {doctorDay.holiday.open ? "ouvert" : "fermé"}
                  </div>
                )}
                {doctorDay.absences.map((a) => (
                  <div key={a.id} className="text-xs font-medium text-amber-800">
                    Absence : {a.label}
                  </div>
                ))}
              </div>
            );
          })}
          {/* Axis */}
          <div className="relative" style={{ height: axis.rows.length * ROW_PX }}>
            {axis.rows.map((r, i) =>
              r.minute % 60 === 0 || r.occurrence ? (
                <div
                  key={r.label}
                  className="absolute right-2 -translate-y-1/2 text-xs text-slate-600"
                  style={{ top: i * ROW_PX + (i === 0 ? 8 : 0) }}
                  title={r.hint}
                >
                  {r.label}
                </div>
              ) : null,
            )}
          </div>
          {columns.map(({ day, dayIndex, doctorDay }, col) => {
            const cells = axis.days[dayIndex]!.cells;
            const visible = doctorDay.appointments.filter((a) => showCancelled || a.status !== "cancelled");
            const laid = layoutColumns(visible);
            const line = now && now >= day.start && now < day.end ? rowPosition(cells, now) : null;
            return (
              <div
                key={`${day.day}-${doctorDay.doctorId}`}
                className="relative border-l border-slate-200"
                style={{ height: axis.rows.length * ROW_PX }}
              >
                {cells.map((cell, row) => {
                  const rowAxis = axis.rows[row]!;
                  const top = row * ROW_PX;
                  const hourLine = rowAxis.minute % 60 === 0 ? "border-t border-slate-200" : "border-t border-dashed border-slate-100";
                  if (!cell.at) {
                    return (
                      <div
                        key={row}
                        className="absolute inset-x-0 bg-[repeating-linear-gradient(45deg,#e2e8f0_0,#e2e8f0_4px,transparent_4px,transparent_8px)]"
                        style={{ top, height: ROW_PX }}
                        title="Cette heure n'existe pas ce jour-là (passage à l'heure d'été)."
                      />
                    );
                  }
                  const start = cell.at;
                  const end = new Date(start.getTime() + ROW_MS);
                  const open = doctorDay.open.some((s) => s.start < end && s.end > start);
                  const absence = doctorDay.absences.find((a) => a.startsAt < end && a.endsAt > start);
                  const taken = doctorDay.appointments.some((a) => isActive(a.status) && a.startsAt < end && a.endsAt > start);
                  const state = absence ? `absence (${absence.label})` : !open ? "fermé" : taken ? "occupé" : "libre";
                  const isActiveSlot = active?.col === col && active.row === row;
                  return (
                    <button
                      key={row}
                      type="button"
                      data-slot={`${col}-${row}`}
                      tabIndex={isActiveSlot ? 0 : -1}
                      aria-label={`${WEEKDAY[day.weekday - 1]} ${formatCalendarDayMonth(day.day)}, ${rowAxis.label}${sideBySide ? `, ${doctorName(doctorDay.doctorId)}` : ""} : ${state}`}
                      aria-describedby="agenda-keys"
                      onFocus={() => setFocus({ col, row })}
                      onKeyDown={(e) => moveFocus(e, col, row)}
                      onClick={() => setCreating({ doctorId: doctorDay.doctorId, at: start })}
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={(e) => void drop(e, start, doctorDay.doctorId)}
                      className={`absolute inset-x-0 ${hourLine} ${absence ? "bg-amber-50" : open ? "bg-white" : "bg-slate-100"} hover:bg-brand-50 focus:z-[4] focus:outline-none focus:ring-2 focus:ring-inset focus:ring-brand-600`}
                      style={{ top, height: ROW_PX }}
                    />
                  );
                })}
                {laid.map((a) => {
                  const top = rowPosition(cells, a.startsAt) * ROW_PX;
                  const height = Math.max(ROW_PX * 0.6, rowPosition(cells, a.endsAt) * ROW_PX - top);
                  const colours = a.visitReason ? PALETTE[a.visitReason.colour] : PALETTE.grey;
                  const cancelled = a.status === "cancelled";
                  const name = `${a.patient.lastName.toUpperCase()} ${a.patient.firstName}`;
                  const status = a.status === "booked" ? null : STATUS_LABEL[a.status];
                  return (
                    <button
                      key={a.id}
                      type="button"
                      draggable={canReschedule(a.status)}
                      onDragStart={(e) => {
                        dragged.current = a;
                        e.dataTransfer.setData("text/plain", a.id);
                        e.dataTransfer.effectAllowed = "move";
                      }}
                      onClick={() => setOpenId(a.id)}
                      title={`${hhmm(a.startsAt)}–${hhmm(a.endsAt)} ${name} · ${a.visitReason?.label ?? "Sans motif"}`}
                      aria-label={`${hhmm(a.startsAt)}–${hhmm(a.endsAt)}, ${name}, ${a.visitReason?.label ?? "sans motif"}${status ? `, ${status}` : ""}${a.overbooked ? ", en surnombre" : ""}`}
                      className={`absolute z-10 overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs leading-tight shadow-sm focus:z-30 focus:outline-none focus:ring-2 focus:ring-brand-600 ${cancelled ? "opacity-60 line-through" : ""}`}
                      style={{
                        top,
                        height,
                        left: `calc(${(a.column / a.columns) * 100}% + 2px)`,
                        width: `calc(${100 / a.columns}% - 4px)`,
                        background: colours.background,
                        borderColor: colours.border,
                        color: colours.text,
                      }}
                    >
                      {height < ROW_PX * 1.9 ? (
                        <span className="block truncate">
                          <span className="font-semibold">{hhmm(a.startsAt)}</span> {name} · {a.visitReason?.label ?? "Sans motif"}
                        </span>
                      ) : (
                        <>
                          <span className="block truncate">
                            <span className="font-semibold">{hhmm(a.startsAt)}</span> {name}
                          </span>
                          <span className="block truncate">{a.visitReason?.label ?? "Sans motif"}</span>
                        </>
                      )}
                      {(status || a.overbooked) && (
                        <span className="mt-0.5 flex flex-wrap gap-1">
                          {status && <span className="rounded bg-white/80 px-1 font-semibold">{status}</span>}
                          {a.overbooked && <span className="rounded bg-white/80 px-1 font-semibold">En surnombre</span>}
                        </span>
                      )}
                    </button>
                  );
                })}
                {line !== null && line > 0 && line < cells.length && (
                  <div className="pointer-events-none absolute inset-x-0 z-20 border-t-2 border-red-600" style={{ top: line * ROW_PX }}>
                    <span className="sr-only">Heure actuelle</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {creating && (
        <CreateDialog
          slot={creating}
          motifs={motifs[creating.doctorId] ?? []}
          doctorName={sideBySide ? doctorName(creating.doctorId) : null}
          defaultDay={view.from}
          actions={actions}
          onClose={() => setCreating(null)}
          onDone={(message) => {
            setCreating(null);
            setNotice({ tone: "info", text: message });
          }}
        />
      )}
      {opened && (
        <DetailsDialog
          appointment={opened}
          motifs={motifs[opened.doctorId] ?? []}
          actions={actions}
          onClose={() => setOpenId(null)}
          onDone={(message) => {
            setOpenId(null);
            setNotice({ tone: "info", text: message });
          }}
        />
      )}
    </div>
  );
}

/** The wall-clock minute an interval ends at (24:00 for the next midnight). */
function endMinute(end: Date): number {
  const minute = instantToWallClock(new Date(end.getTime() - 1)).minute + 1;
  return Math.ceil(minute / 5) * 5;
}

function firstSlot(axis: ReturnType<typeof buildAxis>, columns: number): { col: number; row: number } | null {
  if (columns === 0) return null;
  const cells = axis.days[0]?.cells ?? [];
  // Start at 08:00 when the axis has it, so Tab lands on a useful slot.
  const eight = axis.rows.findIndex((r) => r.minute === 8 * 60);
  const from = eight >= 0 ? eight : 0;
  for (let r = from; r < cells.length; r++) if (cells[r]!.at) return { col: 0, row: r };
  return null;
}
