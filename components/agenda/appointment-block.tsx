import { Fragment } from "react";
import { rowPosition, type DayRow } from "@/lib/agenda/grid";
import type { GridAppointment, GridReason } from "@/lib/agenda/grid-view";
import { STATUS_LABEL } from "@/lib/agenda/schema";
import { canReschedule } from "@/lib/agenda/status";
import styles from "./agenda-board.module.css";
import { hhmm, MIN_BLOCK_PX, ROW_PX } from "./board-geometry";

/** How high the bottom strip of a block is that resizes rather than moves (`.movable::after` in agenda-board.module.css). */
const GRIP_PX = 6;

/** One appointment on the grid: its times, patient, motif (colour and words) and status chips; pressed, it opens or is dragged. */
export function AppointmentBlock({
  a,
  column,
  columns,
  cells,
  reason,
  onOpen,
  onGrab,
}: {
  a: GridAppointment;
  column: number;
  columns: number;
  cells: readonly DayRow[];
  reason: GridReason | null;
  onOpen: () => void;
  /** `resize`: pressed on the bottom strip (the grip), which drags the end instead of the whole block. */
  onGrab: (resize: boolean, grabOffset: number, x: number, y: number) => void;
}) {
  const top = rowPosition(cells, a.startsAt) * ROW_PX;
  const height = Math.max(MIN_BLOCK_PX, rowPosition(cells, a.endsAt) * ROW_PX - top);
  const motif = reason?.label ?? "Sans motif";
  const status = a.status === "booked" ? null : STATUS_LABEL[a.status];
  const times = `${hhmm(a.startsAt)}–${hhmm(a.endsAt)}`;
  const movable = canReschedule(a.status);
  // The name begins with what the block shows, in its order (WCAG 2.5.3, label in name). Each
  // text is one string (one text node), and a block alone on its line needs no computed width.
  const alone = columns === 1;
  const chips = [status, a.overbooked ? "En surnombre" : null, a.online ? "En ligne" : null].filter((chip) => chip !== null);
  return (
    <button
      type="button"
      data-appointment
      data-movable={movable || undefined}
      onPointerDown={(e) => {
        if (!movable || e.button !== 0 || e.pointerType === "touch") return;
        // The grip is the block's own bottom strip (drawn by `.movable::after`, no element of its
        // own): no second tab stop, and the block's name stays what it shows (WCAG 2.5.3). Keyboard
        // users change the duration in the details dialog's « Durée » form.
        const box = e.currentTarget.getBoundingClientRect();
        onGrab(box.bottom - e.clientY <= GRIP_PX, e.clientY - box.top, e.clientX, e.clientY);
      }}
      onClick={onOpen}
      aria-label={`${times}, ${a.patient}, ${motif}${status ? `, ${status}` : ""}${a.overbooked ? ", En surnombre" : ""}${a.online ? ", En ligne" : ""}`}
      className={`${styles.block} ${styles[reason?.colour ?? "grey"]}${movable ? ` ${styles.movable}` : ""}${a.status === "cancelled" ? ` ${styles.cancelled}` : ""}${alone ? " inset-x-0.5" : ""}`}
      style={{
        top,
        height,
        ...(alone ? {} : { left: `calc(${(column / columns) * 100}% + 2px)`, width: `calc(${100 / columns}% - 4px)` }),
      }}
    >
      {height < ROW_PX * 1.9 ? (
        <span className={styles.line}>
          <b>{times}</b>
          {` ${a.patient} · ${motif}`}
        </span>
      ) : (
        <>
          <span className={styles.line}>
            <b>{times}</b>
            {` ${a.patient}`}
          </span>{" "}
          <span className={styles.line}>{motif}</span>
        </>
      )}
      {chips.length > 0 && (
        <>
          {" "}
          <span className={styles.chips}>
            {chips.map((chip, index) => (
              <Fragment key={chip}>
                {index > 0 && " "}
                <span className={styles.chip}>{chip}</span>
              </Fragment>
            ))}
          </span>
        </>
      )}
    </button>
  );
}
