"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import type { AgendaActions } from "@/lib/agenda/action-state";
import { buildAxis, layoutColumns, rowPosition, visibleRange, wallClockFields } from "@/lib/agenda/grid";
import { decodeGridView } from "@/lib/agenda/grid-view";
import { MAX_APPOINTMENT_MINUTES, MIN_APPOINTMENT_MINUTES } from "@/lib/agenda/rules";
import { isActive } from "@/lib/agenda/status";
import type { VisitReason } from "@/lib/agenda/visit-reasons";
import { formatCalendarDayMonth } from "@/lib/format/datetime";
import { instantToWallClock, todayIn } from "@/lib/time/luxembourg";
import { useHydrated } from "@/components/ui/use-hydrated";
import { CreateDialog, type CreateSlot } from "./create-dialog";
import { DetailsDialog } from "./details-dialog";
import { useAgendaRefresh } from "./live-events";
import { AppointmentBlock } from "./appointment-block";
import { bandsOf, endMinute, firstSlot, hhmm, MIN_BLOCK_MS, ROW_MS, ROW_PX, slotState, type BandKind, type Cursor } from "./board-geometry";
import { OutsideHoursQuestion } from "./outside-hours-question";

type Props = {
  /** The view as encodeGridView wrote it (one text rather than thousands of values to serialise). */
  viewJson: string;
  motifs: Record<string, VisitReason[]>;
  sessionDoctorId: string;
  actions: AgendaActions;
};

const WEEKDAY = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const SNAP_MS = 5 * 60_000;

// Free time is drawn, not built: each column paints its rows as a few bands (open, closed,
// absence, an hour the clocks skip) under hour and quarter lines from one CSS gradient, and holds
// ONE focusable control over the whole column. The arrow keys move a cursor over its 15-minute
// rows (its label says which and what state), Enter books there; a pointer's click books the row
// it fell on. One button per quarter hour made the week view a third of a megabyte
// (docs/decisions/0035-one-slot-control-per-agenda-column.md).
const BAND_CLASS: Record<BandKind, string> = {
  missing: "bg-[repeating-linear-gradient(45deg,#e2e8f0_0,#e2e8f0_4px,transparent_4px,transparent_8px)]",
  absence: "bg-amber-50",
  open: "bg-white",
  closed: "bg-slate-100",
};
const LINES = {
  backgroundImage: "linear-gradient(to bottom, #e2e8f0 1px, transparent 1px), linear-gradient(to bottom, #f1f5f9 1px, transparent 1px)",
  backgroundSize: `100% ${ROW_PX * 4}px, 100% ${ROW_PX}px`,
};

/**
 * An appointment held by the pointer: where it was grabbed, whether it has moved yet, and whether
 * Escape let it go. `resize` holds its column when it was grabbed by its bottom edge (its end
 * follows the pointer) rather than by its body (it moves whole).
 */
type Dragged = {
  id: string;
  doctorId: string;
  startsAt: Date;
  endsAt: Date;
  grabOffset: number;
  x: number;
  y: number;
  moving: boolean;
  cancelled: boolean;
  resize: { col: number } | null;
};
/** A change asked by a drag: a new start (move) or a new end (resize). */
type Change = { kind: "move"; drag: Dragged; startsAt: Date } | { kind: "resize"; drag: Dragged; endsAt: Date };
/** How far the pointer moves before a press on an appointment becomes a drag (else it is a click). */
const DRAG_THRESHOLD_PX = 5;
const MIN_DURATION_MS = MIN_APPOINTMENT_MINUTES * 60_000;
const MAX_DURATION_MS = MAX_APPOINTMENT_MINUTES * 60_000;

/** The week or day grid: closed hours shaded, absences and holidays labelled, appointments, free time. */
export function AgendaBoard({ viewJson, motifs, sessionDoctorId, actions }: Props) {
  const view = useMemo(() => decodeGridView(viewJson), [viewJson]);
  // The appointments are drawn by the browser, from the props it hydrates with, not written into
  // the server's HTML: a block appears when it answers a click or a drag (a block drawn before the
  // page's script ran took neither), and the server no longer renders the week's ~150 blocks twice
  // per page view, once as data and once as HTML (docs/decisions/0057-appointments-drawn-in-the-browser.md).
  const drawn = useHydrated();
  const [showCancelled, setShowCancelled] = useState(false);
  const [creating, setCreating] = useState<CreateSlot | null>(null);
  const [opened, setOpened] = useState<{ id: string; doctorId: string } | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [now, setNow] = useState<Date | null>(null);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [focusedCol, setFocusedCol] = useState<number | null>(null);
  const [spoken, setSpoken] = useState("");
  /** A drop outside opening hours, waiting for its answer. */
  const [asking, setAsking] = useState<{ change: Change; question: string } | null>(null);
  const [answering, setAnswering] = useState(false);
  const dragged = useRef<Dragged | null>(null);
  const justDropped = useRef(false);
  const markers = useRef(new Map<number, HTMLDivElement>());
  const columnEls = useRef(new Map<number, HTMLDivElement>());
  const ring = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The current-time line is drawn after hydration (the server's clock is not the browser's).
    const first = setTimeout(() => setNow(new Date()), 0);
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);

  // Any change to one of these agendas, this tab's own included, is announced by a live event:
  // the page reads itself again (decision 0049).
  const doctorIds = useMemo(() => view.doctors.map((d) => d.id), [view.doctors]);
  const changed = useAgendaRefresh(doctorIds);

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
  const bands = useMemo(() => columns.map(({ dayIndex, doctorDay }) => bandsOf(axis.days[dayIndex]!.cells, doctorDay)), [columns, axis]);

  const all = useMemo(
    () => new Map(columns.flatMap((c) => c.doctorDay.appointments.map((a) => [a.id, { a, doctorId: c.doctorDay.doctorId }] as const))),
    [columns],
  );
  const openedSummary = opened ? (all.get(opened.id)?.a ?? null) : null;
  const today = now ? todayIn(now) : null;
  const doctorName = (id: string) => view.doctors.find((d) => d.id === id)?.name ?? "";
  const sideBySide = view.doctors.length > 1;
  const active = cursor && cursor.col < columns.length && cursor.row < axis.rows.length ? cursor : firstSlot(axis, columns.length);

  // Keep the cursor in view as the arrows move it down a long day.
  useEffect(() => {
    if (focusedCol !== null) ring.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [focusedCol, active?.row]);

  /** What the slot control of column `col` says of row `row`: day, time, (doctor), and state. */
  const slotLabel = (col: number, row: number) => {
    const { day, dayIndex, doctorDay } = columns[col]!;
    const at = axis.days[dayIndex]!.cells[row]?.at ?? null;
    const state = at ? slotState(doctorDay, at) : "n'existe pas (passage à l'heure d'été)";
    return `${WEEKDAY[day.weekday - 1]} ${formatCalendarDayMonth(day.day)}, ${axis.rows[row]?.label ?? ""}${sideBySide ? `, ${doctorName(doctorDay.doctorId)}` : ""} : ${state}`;
  };

  /** The next row of column `col` from `row` going `step` (±1) that exists on its day, or null. */
  const existingRow = (col: number, row: number, step: number) => {
    const cells = axis.days[columns[col]!.dayIndex]!.cells;
    let r = row;
    while (r >= 0 && r < cells.length && !cells[r]!.at) r += step;
    return r >= 0 && r < cells.length ? r : null;
  };

  const onSlotKey = (event: KeyboardEvent<HTMLButtonElement>, col: number) => {
    if (!active) return;
    const delta = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0], PageUp: [0, -4], PageDown: [0, 4] }[event.key];
    if (!delta) return;
    event.preventDefault();
    const c = Math.min(columns.length - 1, Math.max(0, col + delta[0]!));
    const wanted = Math.min(axis.rows.length - 1, Math.max(0, active.row + delta[1]!));
    // Skip rows that do not exist on that day (the spring change).
    const r = existingRow(c, wanted, delta[1]! < 0 ? -1 : 1);
    if (r === null) return;
    setCursor({ col: c, row: r });
    if (c !== col) document.querySelector<HTMLButtonElement>(`[data-slot="${c}"]`)?.focus();
    // The control keeps the focus while its row changes: say the new row.
    else setSpoken(slotLabel(c, r));
  };

  /** The row under the pointer in the column whose control or body is `element`. */
  const rowAt = (element: HTMLElement, clientY: number) => Math.floor((clientY - element.getBoundingClientRect().top) / ROW_PX);

  const onSlotClick = (event: MouseEvent<HTMLButtonElement>, col: number) => {
    if (justDropped.current) return;
    const { dayIndex, doctorDay } = columns[col]!;
    // A click from the keyboard (Enter, Space) has no pointer: the cursor's row.
    const row = event.detail === 0 && active ? active.row : rowAt(event.currentTarget, event.clientY);
    const at = axis.days[dayIndex]!.cells[row]?.at;
    if (!at) return;
    setCursor({ col, row });
    setCreating({ doctorId: doctorDay.doctorId, at });
  };

  /**
   * Shows (or hides, with null) the column's pointer marker: a row, or where a dragged appointment
   * would land. A resize's marker (`end`: the new end time, written in it) is drawn over its block
   * (focused by the press, so raised), which would otherwise hide a shorter duration.
   */
  const mark = (col: number, top: number | null, height = ROW_PX, end = "") => {
    const marker = markers.current.get(col);
    if (!marker) return;
    marker.style.display = top === null ? "none" : "flex";
    marker.style.zIndex = top !== null && end ? "31" : "";
    marker.textContent = top === null ? "" : end;
    if (top !== null) {
      marker.style.top = `${top}px`;
      marker.style.height = `${height}px`;
    }
  };

  /** The column of `doctorId` under the pointer's `clientX`, if any. */
  const columnAt = (clientX: number, doctorId: string) => {
    for (const [col, el] of columnEls.current) {
      const box = el.getBoundingClientRect();
      if (clientX >= box.left && clientX < box.right && columns[col]?.doctorDay.doctorId === doctorId) return { col, el };
    }
    return null;
  };

  /** Where a dragged appointment's top would land in column `col`, snapped to 5 minutes; null off the grid. */
  const dropTarget = (col: number, el: HTMLElement, clientY: number, drag: Dragged) => {
    const cells = axis.days[columns[col]!.dayIndex]!.cells;
    const y = clientY - el.getBoundingClientRect().top - drag.grabOffset;
    const row = Math.max(0, Math.min(cells.length - 1, Math.floor(y / ROW_PX)));
    const rowStart = cells[row]?.at;
    if (!rowStart) return null;
    const within = Math.min(ROW_MS - SNAP_MS, Math.max(0, Math.round(((y - row * ROW_PX) / ROW_PX) * (ROW_MS / SNAP_MS)) * SNAP_MS));
    const startsAt = new Date(rowStart.getTime() + within);
    return { startsAt, top: rowPosition(cells, startsAt) * ROW_PX };
  };

  /**
   * Where the end of an appointment held by its bottom edge would land in its column `col`: its end
   * follows the pointer, the duration snapped to 5 minutes, from 5 minutes to the end of the day's
   * axis (and the longest duration the form takes); null over an hour the clocks skip.
   */
  const resizeTarget = (col: number, drag: Dragged, clientY: number) => {
    const cells = axis.days[columns[col]!.dayIndex]!.cells;
    const y = rowPosition(cells, drag.endsAt) * ROW_PX + clientY - drag.y;
    const row = Math.max(0, Math.min(cells.length - 1, Math.floor(y / ROW_PX)));
    const rowStart = cells[row]?.at;
    const last = cells.findLast((c) => c.at)?.at;
    if (!rowStart || !last) return null;
    const at = rowStart.getTime() + (Math.min(ROW_PX, Math.max(0, y - row * ROW_PX)) / ROW_PX) * ROW_MS;
    const start = drag.startsAt.getTime();
    const longest = Math.min(MAX_DURATION_MS, Math.floor((last.getTime() + ROW_MS - start) / SNAP_MS) * SNAP_MS);
    const duration = Math.min(longest, Math.max(MIN_DURATION_MS, Math.round((at - start) / SNAP_MS) * SNAP_MS));
    const endsAt = new Date(start + duration);
    const top = rowPosition(cells, drag.startsAt) * ROW_PX;
    return { endsAt, top, height: rowPosition(cells, endsAt) * ROW_PX - top };
  };

  /** Sends a drag's change to the move or resize action, as the details dialog's forms send it. */
  const reschedule = async (change: Change, confirmed = false) => {
    const { drag } = change;
    const form = new FormData();
    form.set("appointmentId", drag.id);
    form.set("doctorId", drag.doctorId);
    if (change.kind === "move") {
      const fields = wallClockFields(change.startsAt);
      form.set("day", fields.day);
      form.set("time", fields.time);
      form.set("occurrence", fields.occurrence);
    } else form.set("durationMinutes", String(Math.round((change.endsAt.getTime() - drag.startsAt.getTime()) / 60_000)));
    if (confirmed) form.set("outsideHoursConfirmed", "on");
    setNotice({ tone: "info", text: change.kind === "move" ? "Déplacement…" : "Changement de durée…" });
    const result = await (change.kind === "move" ? actions.move : actions.resize)({ status: "idle" }, form);
    if (result.status === "success") {
      changed(drag.doctorId);
      setNotice({ tone: "info", text: result.message ?? "" });
    } else if (result.data?.ask === "outside-hours") {
      // Asked in the app's dialog, as the booking form asks it: its own button answers yes.
      setNotice(null);
      setAsking({ change, question: result.formError ?? "" });
    } else setNotice(result.formError ? { tone: "error", text: result.formError } : null);
  };

  // Drag to move, with pointer events (mouse and pen; a finger scrolls): a press on an appointment
  // becomes a drag once the pointer has moved a few pixels, a marker shows where it would land,
  // releasing it over its doctor's column moves it there, Escape drops it. Native drag and drop
  // was tried first: it cannot be driven reliably by the browser tests, and knows no keyboard
  // either way (the details dialog's « Déplacer » form is the keyboard's way).
  // Drag to resize, the same way: a press on the block's bottom strip (GRIP_PX, drawn by CSS, so
  // no element and no second tab stop per block) drags its end, the marker shows the new span and
  // end time, releasing it changes the duration. The keyboard's way is the dialog's « Durée » form.
  const latest = useRef({ columnAt, dropTarget, resizeTarget, reschedule, mark });
  useEffect(() => {
    latest.current = { columnAt, dropTarget, resizeTarget, reschedule, mark };
  });
  useEffect(() => {
    const clear = () => {
      for (const c of markers.current.keys()) latest.current.mark(c, null);
    };
    const onMove = (e: globalThis.PointerEvent) => {
      const drag = dragged.current;
      if (!drag || drag.cancelled) return;
      if (!drag.moving) {
        if (Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < DRAG_THRESHOLD_PX) return;
        drag.moving = true;
        document.body.style.cursor = drag.resize ? "ns-resize" : "grabbing";
      }
      const { columnAt: at, dropTarget: target, resizeTarget: stretch, mark: show } = latest.current;
      clear();
      if (drag.resize) {
        const landing = stretch(drag.resize.col, drag, e.clientY);
        if (landing) show(drag.resize.col, landing.top, landing.height, hhmm(landing.endsAt));
        return;
      }
      const hit = at(e.clientX, drag.doctorId);
      const landing = hit ? target(hit.col, hit.el, e.clientY, drag) : null;
      if (hit && landing) show(hit.col, landing.top, ((drag.endsAt.getTime() - drag.startsAt.getTime()) / ROW_MS) * ROW_PX);
    };
    const stop = () => {
      dragged.current = null;
      document.body.style.cursor = "";
      clear();
    };
    const onUp = (e: globalThis.PointerEvent) => {
      const drag = dragged.current;
      stop();
      if (!drag?.moving) return;
      // The click that follows this release is the end of the drag, not a click on what is under it.
      justDropped.current = true;
      setTimeout(() => (justDropped.current = false), 0);
      if (drag.cancelled) return;
      const { columnAt: at, dropTarget: target, resizeTarget: stretch, reschedule: send } = latest.current;
      if (drag.resize) {
        const landing = stretch(drag.resize.col, drag, e.clientY);
        if (landing && landing.endsAt.getTime() !== drag.endsAt.getTime()) void send({ kind: "resize", drag, endsAt: landing.endsAt });
        return;
      }
      const hit = at(e.clientX, drag.doctorId);
      const landing = hit ? target(hit.col, hit.el, e.clientY, drag) : null;
      if (landing && landing.startsAt.getTime() !== drag.startsAt.getTime()) void send({ kind: "move", drag, startsAt: landing.startsAt });
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      const drag = dragged.current;
      if (e.key !== "Escape" || !drag) return;
      if (!drag.moving) return stop();
      // Let go, but held until the release: the click that follows it must not open the block.
      drag.cancelled = true;
      document.body.style.cursor = "";
      clear();
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", stop);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", stop);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

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
      <p className="sr-only" aria-live="polite">
        {focusedCol !== null ? spoken : ""}
      </p>
      {/* On a phone, room on the left: the chat bubble (fixed, bottom left, 5rem wide with its margin) never covers the time axis. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm max-sm:pl-16" aria-busy={!drawn}>
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
            const visible = drawn ? doctorDay.appointments.filter((a) => showCancelled || a.status !== "cancelled") : [];
            // Laid out as tall as drawn: a 5-minute appointment takes a 24 px block, beside (not over) its neighbour.
            const laid = layoutColumns(
              visible.map((a) => ({ a, startsAt: a.startsAt, endsAt: new Date(Math.max(a.endsAt.getTime(), a.startsAt.getTime() + MIN_BLOCK_MS)) })),
            );
            const line = now && now >= day.start && now < day.end ? rowPosition(cells, now) : null;
            const isCursorColumn = active?.col === col;
            return (
              <div
                key={`${day.day}-${doctorDay.doctorId}`}
                className="relative border-l border-slate-200"
                style={{ height: axis.rows.length * ROW_PX }}
                ref={(el) => {
                  if (el) columnEls.current.set(col, el);
                  else columnEls.current.delete(col);
                }}
              >
                {bands[col]!.map((b) => (
                  <div
                    key={b.from}
                    className={`absolute inset-x-0 ${BAND_CLASS[b.kind]}`}
                    style={{ top: b.from * ROW_PX, height: b.rows * ROW_PX }}
                    title={b.kind === "missing" ? "Cette heure n'existe pas ce jour-là (passage à l'heure d'été)." : undefined}
                  />
                ))}
                <div aria-hidden className="pointer-events-none absolute inset-0" style={LINES} />
                <div
                  ref={(el) => {
                    if (el) markers.current.set(col, el);
                    else markers.current.delete(col);
                  }}
                  aria-hidden
                  className="pointer-events-none absolute inset-x-0 z-[2] hidden items-end justify-end bg-brand-100/60 px-1 text-xs font-semibold text-brand-800 outline-dashed outline-1 outline-brand-600"
                />
                <button
                  type="button"
                  data-slot={col}
                  // Like the blocks, it acts only through React: inert until then, so an early click waits rather than being lost.
                  disabled={!drawn}
                  tabIndex={isCursorColumn ? 0 : -1}
                  aria-label={slotLabel(col, isCursorColumn || !active ? (active?.row ?? 0) : (existingRow(col, active.row, 1) ?? active.row))}
                  aria-describedby="agenda-keys"
                  onFocus={() => {
                    setFocusedCol(col);
                    if (active && active.col !== col) setCursor({ col, row: existingRow(col, active.row, 1) ?? active.row });
                  }}
                  onBlur={() => setFocusedCol((f) => (f === col ? null : f))}
                  onKeyDown={(e) => onSlotKey(e, col)}
                  onClick={(e) => onSlotClick(e, col)}
                  onPointerMove={(e: PointerEvent<HTMLButtonElement>) => {
                    const row = rowAt(e.currentTarget, e.clientY);
                    mark(col, cells[row]?.at ? row * ROW_PX : null);
                  }}
                  onPointerLeave={() => mark(col, null)}
                  className="absolute inset-0 z-[1] cursor-pointer focus:outline-none"
                />
                {focusedCol === col && active && (
                  <div
                    ref={ring}
                    aria-hidden
                    className="pointer-events-none absolute inset-x-0 z-[4] bg-brand-50/60 ring-2 ring-inset ring-brand-600"
                    style={{ top: active.row * ROW_PX, height: ROW_PX }}
                  />
                )}
                {laid.map(({ a, column, columns: share }) => (
                  <AppointmentBlock
                    key={a.id}
                    a={a}
                    column={column}
                    columns={share}
                    cells={cells}
                    reason={a.reason === null ? null : (view.reasons[a.reason] ?? null)}
                    onOpen={() => !justDropped.current && setOpened({ id: a.id, doctorId: doctorDay.doctorId })}
                    onGrab={(resize, grabOffset, x, y) => {
                      dragged.current = {
                        id: a.id,
                        doctorId: doctorDay.doctorId,
                        startsAt: a.startsAt,
                        endsAt: a.endsAt,
                        grabOffset,
                        x,
                        y,
                        moving: false,
                        cancelled: false,
                        resize: resize ? { col } : null,
                      };
                    }}
                  />
                ))}
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
            changed(creating.doctorId);
            setCreating(null);
            setNotice({ tone: "info", text: message });
          }}
        />
      )}
      {opened && openedSummary && (
        <DetailsDialog
          key={opened.id}
          doctorId={opened.doctorId}
          summary={openedSummary}
          motifs={motifs[opened.doctorId] ?? []}
          actions={actions}
          onClose={() => setOpened(null)}
          onDone={(message) => {
            changed(opened.doctorId);
            setOpened(null);
            setNotice({ tone: "info", text: message });
          }}
        />
      )}
      {asking && (
        <OutsideHoursQuestion
          title={asking.change.kind === "move" ? "Déplacer le rendez-vous" : "Changer la durée du rendez-vous"}
          question={asking.question}
          answer={asking.change.kind === "move" ? "Déplacer hors des heures d'ouverture" : "Allonger hors des heures d'ouverture"}
          pending={answering}
          onAnswer={async () => {
            setAnswering(true);
            try {
              await reschedule(asking.change, true);
            } finally {
              setAnswering(false);
              setAsking(null);
            }
          }}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
