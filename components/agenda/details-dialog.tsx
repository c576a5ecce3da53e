"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import type { AgendaActions, AgendaFormState } from "@/lib/agenda/action-state";
import type { AgendaAppointment, Author } from "@/lib/agenda/appointment-view";
import { wallClockFields } from "@/lib/agenda/grid";
import { CANCELLERS, STATUS_LABEL } from "@/lib/agenda/schema";
import { canCancel, canReschedule, STATUS_TRANSITIONS } from "@/lib/agenda/status";
import type { VisitReason } from "@/lib/agenda/visit-reasons";
import { formatCalendarDate, formatDateTime } from "@/lib/format/datetime";
import { IDLE } from "@/lib/forms/form-state";
import { formatTime, instantToWallClock } from "@/lib/time/luxembourg";
import { roleLabel } from "@/lib/users/display-name";
import { OccurrenceChoice, wallClockKind } from "./create-dialog";
import { Modal, submitWith } from "./modal";

type Props = {
  appointment: AgendaAppointment;
  motifs: VisitReason[];
  actions: AgendaActions;
  onClose: () => void;
  onDone: (message: string) => void;
};

const STATUS_BUTTON: Record<string, string> = {
  arrived: "Arrivé",
  done: "Terminé",
  no_show: "Absent non excusé",
  booked: "Remettre à « prévu »",
};

const hhmm = (at: Date) => formatTime(instantToWallClock(at).minute);

function authorLine(verb: string, who: Author | null, when: Date) {
  return `${verb} ${who ? `par ${who.name} (${roleLabel(who.role).toLowerCase()})` : ""} le ${formatDateTime(when)}`.replace(/\s+/g, " ");
}

/**
 * One form of the dialog, bound to one action: on success the dialog closes with its message. The
 * answer is handled where the form was sent, not in an effect: the refreshed agenda may already
 * have removed the form (a cancelled appointment has no cancel form).
 */
function useAgendaForm(action: AgendaActions["create"], onDone: (message: string) => void) {
  const [state, setState] = useState<AgendaFormState>(IDLE);
  const [pending, startSending] = useTransition();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) =>
    submitWith(e, (data) =>
      startSending(async () => {
        const result = await action(IDLE, data);
        if (result.status === "success") onDone(result.message ?? "");
        else setState(result);
      }),
    );
  return { state, pending, onSubmit };
}

const buttonClass = "rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60";
const primary = `${buttonClass} bg-brand-600 text-white hover:bg-brand-700`;
const secondary = `${buttonClass} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const warn = `${buttonClass} bg-amber-600 text-white hover:bg-amber-700`;

/** An appointment's details: who booked and changed it, status, move, duration, motif and note, cancel. */
export function DetailsDialog({ appointment: a, motifs, actions, onClose, onDone }: Props) {
  const name = `${a.patient.lastName.toUpperCase()} ${a.patient.firstName}`;
  const start = wallClockFields(a.startsAt);
  const minutes = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
  const status = useAgendaForm(actions.status, onDone);
  const hidden = (
    <>
      <input type="hidden" name="appointmentId" value={a.id} />
      <input type="hidden" name="doctorId" value={a.doctorId} />
    </>
  );
  const reschedulable = canReschedule(a.status);
  const motifOptions = [
    ...motifs.map((m) => ({ value: m.id, label: `${m.label} (${m.durationMinutes} min)` })),
    ...(a.visitReason && !motifs.some((m) => m.id === a.visitReason!.id)
      ? [{ value: a.visitReason.id, label: `${a.visitReason.label} (plus proposé)` }]
      : []),
    { value: "", label: "Sans motif" },
  ];

  return (
    <Modal title={`Rendez-vous — ${name}`} labelId="details-title" onClose={onClose}>
      <div className="space-y-1 text-sm text-slate-800">
        <p>
          <span className="font-semibold">
            {formatCalendarDate(start.day)}, {hhmm(a.startsAt)}–{hhmm(a.endsAt)}
          </span>{" "}
          ({minutes} min) · {a.visitReason?.label ?? "Sans motif"}
        </p>
        <p>
          Statut : <span className="font-semibold">{STATUS_LABEL[a.status]}</span>
          {a.status === "cancelled" && a.cancelledBy && ` (${CANCELLERS[a.cancelledBy].toLowerCase()})`}
          {a.overbooked && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">En surnombre</span>}
          {a.bookedVia === "online" && (
            <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900">Pris en ligne</span>
          )}
        </p>
        {a.note && <p className="whitespace-pre-line">Note : {a.note}</p>}
        <p className="text-slate-600" data-testid="created-by">
          {authorLine("Créé", a.createdBy, a.createdAt)}
        </p>
        {a.updatedAt.getTime() !== a.createdAt.getTime() && (
          <p className="text-slate-600" data-testid="updated-by">
            {authorLine("Modifié", a.updatedBy, a.updatedAt)}
          </p>
        )}
        <p className="flex flex-wrap gap-x-4">
          <Link href={`/patients/${a.patient.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Dossier du patient
          </Link>
          {a.status === "done" && (
            <Link
              href={`/patients/${a.patient.id}?nouveau=honoraires#nouveau`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              Note d&apos;honoraires
            </Link>
          )}
        </p>
      </div>

      {STATUS_TRANSITIONS[a.status].length > 0 && (
        <form onSubmit={status.onSubmit} aria-label="Statut" className="space-y-2">
          {hidden}
          <div className="flex flex-wrap gap-2">
            {STATUS_TRANSITIONS[a.status].map((to) => (
              <button key={to} type="submit" name="status" value={to} disabled={status.pending} className={to === "booked" ? secondary : primary}>
                {STATUS_BUTTON[to]}
              </button>
            ))}
          </div>
          {status.state.status === "error" && <Alert>{status.state.formError}</Alert>}
        </form>
      )}

      {reschedulable && <MoveForm a={a} actions={actions} onDone={onDone} hidden={hidden} />}
      {reschedulable && <ResizeForm minutes={minutes} actions={actions} onDone={onDone} hidden={hidden} />}
      {a.status !== "cancelled" && <DetailsForm a={a} options={motifOptions} actions={actions} onDone={onDone} hidden={hidden} />}
      {canCancel(a.status) && <CancelForm actions={actions} onDone={onDone} hidden={hidden} />}
    </Modal>
  );
}

type Part = { actions: AgendaActions; onDone: (message: string) => void; hidden: React.ReactNode };

function Asks({ state, pending, verb }: { state: AgendaFormState; pending: boolean; verb: string }) {
  return (
    <>
      {state.status === "error" && state.formError && (
        <Alert tone={state.data?.ask === "outside-hours" ? "warning" : "error"}>{state.formError}</Alert>
      )}
      {state.data?.ask === "outside-hours" && (
        <button type="submit" name="outsideHoursConfirmed" value="on" disabled={pending} className={warn}>
          {verb} hors des heures d&apos;ouverture
        </button>
      )}
    </>
  );
}

function MoveForm({ a, actions, onDone, hidden }: Part & { a: AgendaAppointment }) {
  const start = wallClockFields(a.startsAt);
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const { state, pending, onSubmit } = useAgendaForm(actions.move, onDone);
  const errors = state.fieldErrors ?? {};
  const kind = wallClockKind(day, time);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="move-title" className="space-y-3 border-t border-slate-200 pt-4">
      <h3 id="move-title" className="text-sm font-semibold text-slate-900">
        Déplacer
      </h3>
      {hidden}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="move-day" label="Nouvelle date" name="day" type="date" value={day} onChange={(e) => setDay(e.target.value)} error={errors.day} />
        <Field
          id="move-time"
          label="Nouvelle heure"
          name="time"
          type="time"
          step={300}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          error={errors.time}
        />
      </div>
      {(kind === "ambiguous" || state.data?.ask === "occurrence") && <OccurrenceChoice idPrefix="move" error={errors.occurrence} />}
      <Asks state={state} pending={pending} verb="Déplacer" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={primary}>
          Déplacer le rendez-vous
        </button>
        {state.data?.ask === "overbook" && (
          <button type="submit" name="overbooked" value="on" disabled={pending} className={warn}>
            Déplacer en surnombre
          </button>
        )}
      </div>
    </form>
  );
}

function ResizeForm({ minutes, actions, onDone, hidden }: Part & { minutes: number }) {
  const { state, pending, onSubmit } = useAgendaForm(actions.resize, onDone);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Durée" className="space-y-3 border-t border-slate-200 pt-4">
      {hidden}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <Field
            id="resize-duration"
            label="Durée (minutes)"
            name="durationMinutes"
            type="number"
            min={5}
            max={480}
            step={5}
            defaultValue={minutes}
            error={state.fieldErrors?.durationMinutes}
          />
        </div>
        <button type="submit" disabled={pending} className={secondary}>
          Changer la durée
        </button>
      </div>
      <Asks state={state} pending={pending} verb="Allonger" />
    </form>
  );
}

function DetailsForm({ a, options, actions, onDone, hidden }: Part & { a: AgendaAppointment; options: { value: string; label: string }[] }) {
  const { state, pending, onSubmit } = useAgendaForm(actions.details, onDone);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Motif et note" className="space-y-3 border-t border-slate-200 pt-4">
      {hidden}
      <SelectField
        id="details-motif"
        label="Motif"
        name="visitReasonId"
        defaultValue={a.visitReason?.id ?? ""}
        options={options}
        error={state.fieldErrors?.visitReasonId}
      />
      <TextArea
        id="details-note"
        label="Note"
        hint="facultative"
        name="note"
        rows={2}
        maxLength={1000}
        defaultValue={a.note ?? ""}
        error={state.fieldErrors?.note}
      />
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <button type="submit" disabled={pending} className={secondary}>
        Enregistrer le motif et la note
      </button>
    </form>
  );
}

function CancelForm({ actions, onDone, hidden }: Part) {
  const { state, pending, onSubmit } = useAgendaForm(actions.cancel, onDone);
  const error = state.fieldErrors?.by;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Annuler le rendez-vous" className="space-y-3 border-t border-slate-200 pt-4">
      {hidden}
      <fieldset className="space-y-2" aria-describedby={error ? "cancel-by-error" : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Annuler le rendez-vous</legend>
        {(Object.keys(CANCELLERS) as (keyof typeof CANCELLERS)[]).map((by) => (
          <label key={by} className="flex items-center gap-2 text-sm text-slate-900">
            <input type="radio" name="by" value={by} className="size-4" /> {CANCELLERS[by]}
          </label>
        ))}
        {error && (
          <p id="cancel-by-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </fieldset>
      {state.status === "error" && state.formError && !error && <Alert>{state.formError}</Alert>}
      <button type="submit" disabled={pending} className={`${buttonClass} bg-red-700 text-white hover:bg-red-800`}>
        Annuler le rendez-vous
      </button>
    </form>
  );
}
