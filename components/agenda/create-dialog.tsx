"use client";

import { startTransition, useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import { PatientForm, type PatientFormAction, type SavedPatient } from "@/components/patients/patient-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import type { AgendaActions, AgendaFormState, BookingPatient } from "@/lib/agenda/action-state";
import { wallClockFields } from "@/lib/agenda/grid";
import type { VisitReason } from "@/lib/agenda/visit-reasons";
import { IDLE } from "@/lib/forms/form-state";
import { formatCalendarDate } from "@/lib/format/datetime";
import { parseDay, parseTime, wallClockToInstant } from "@/lib/time/luxembourg";
import { Modal, submitWith } from "./modal";

export type CreateSlot = { doctorId: string; at: Date | null };

type Props = {
  slot: CreateSlot;
  motifs: VisitReason[];
  doctorName: string | null;
  defaultDay: string;
  actions: AgendaActions;
  onClose: () => void;
  onDone: (message: string) => void;
};

const DEFAULT_MINUTES = 15;

/** Whether a typed day and time exist once, never, or twice on Luxembourg clocks. */
export function wallClockKind(day: string, time: string): "exact" | "nonexistent" | "ambiguous" | null {
  const d = parseDay(day);
  const m = parseTime(time);
  if (!d || m === null) return null;
  return wallClockToInstant(d, m).kind;
}

/** « Nouveau rendez-vous »: patient (found or created here), motif, duration, time, note. */
export function CreateDialog({ slot, motifs, doctorName, defaultDay, actions, onClose, onDone }: Props) {
  const initial = slot.at ? wallClockFields(slot.at) : { day: defaultDay, time: "", occurrence: "" as const };
  const [patient, setPatient] = useState<BookingPatient | null>(null);
  const [creatingPatient, setCreatingPatient] = useState(false);
  const [duration, setDuration] = useState(String(motifs[0]?.durationMinutes ?? DEFAULT_MINUTES));
  const [day, setDay] = useState(initial.day);
  const [time, setTime] = useState(initial.time);
  const [outsideConfirmed, setOutsideConfirmed] = useState(false);
  const [state, formAction, pending] = useActionState<AgendaFormState, FormData>(actions.create, IDLE);
  const motifRef = useRef<HTMLSelectElement>(null);
  // The patient form of /patients/nouveau, inline: its own <form> beside the booking form (never
  // inside it), posting to the agenda's action with the column's doctor.
  const { createPatient: createPatientFor } = actions;
  const createPatient = useCallback<PatientFormAction>(
    (previous, data) => {
      data.set("doctorId", slot.doctorId);
      return createPatientFor(previous, data);
    },
    [createPatientFor, slot.doctorId],
  );
  const onPatientCreated = useCallback((p: SavedPatient) => {
    setPatient({ ...p, archived: false });
    setCreatingPatient(false);
    requestAnimationFrame(() => motifRef.current?.focus());
  }, []);
  useEffect(() => {
    if (creatingPatient) document.getElementById("np-lastName")?.focus();
  }, [creatingPatient]);
  const formRef = useRef<HTMLFormElement>(null);
  // The answers to the form's questions (« hors des heures d'ouverture », « en surnombre ») are
  // plain buttons that send the form with their answer: were they submit buttons, the first of
  // them would become the form's default, and Enter in any field would answer yes.
  const sendWith = (answer: Record<string, string>) => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    for (const [name, value] of Object.entries(answer)) data.set(name, value);
    startTransition(() => formAction(data));
  };

  useEffect(() => {
    if (state.status === "success") onDone(state.message ?? "Rendez-vous enregistré.");
  }, [state, onDone]);

  const kind = wallClockKind(day, time);
  const askOccurrence = kind === "ambiguous" || state.data?.ask === "occurrence";
  const errors = state.fieldErrors ?? {};

  return (
    <Modal title={doctorName ? `Nouveau rendez-vous — ${doctorName}` : "Nouveau rendez-vous"} labelId="create-title" onClose={onClose}>
      <section aria-labelledby="create-patient" className="space-y-3">
        <h3 id="create-patient" className="text-sm font-semibold text-slate-900">
          Patient
        </h3>
        {patient ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <p className="text-sm text-slate-900" aria-live="polite">
              <span className="font-semibold">
                {patient.lastName.toUpperCase()} {patient.firstName}
              </span>
              , né(e) le {formatCalendarDate(patient.birthDate)}
            </p>
            <button type="button" onClick={() => setPatient(null)} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Changer de patient
            </button>
          </div>
        ) : creatingPatient ? (
          <PatientForm
            action={createPatient}
            idPrefix="np"
            submitLabel="Créer le dossier"
            onCancel={() => setCreatingPatient(false)}
            onCreated={onPatientCreated}
          />
        ) : (
          <>
            <PatientCombobox
              doctorId={slot.doctorId}
              search={actions.searchPatients}
              error={errors.patientId}
              onPick={(p) => {
                setPatient(p);
                requestAnimationFrame(() => motifRef.current?.focus());
              }}
            />
            <button
              type="button"
              onClick={() => setCreatingPatient(true)}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              Créer un dossier patient
            </button>
          </>
        )}
      </section>

      <form ref={formRef} onSubmit={(e) => submitWith(e, (data) => startTransition(() => formAction(data)))} noValidate className="space-y-4">
        <input type="hidden" name="doctorId" value={slot.doctorId} />
        <input type="hidden" name="patientId" value={patient?.id ?? ""} />
        {outsideConfirmed && <input type="hidden" name="outsideHoursConfirmed" value="on" />}
        {errors.patientId && patient === null && !creatingPatient && <p className="sr-only">{errors.patientId}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            ref={motifRef}
            id="create-motif"
            label="Motif"
            name="visitReasonId"
            error={errors.visitReasonId}
            defaultValue={motifs[0]?.id ?? ""}
            onChange={(e) => {
              const motif = motifs.find((m) => m.id === e.target.value);
              if (motif) setDuration(String(motif.durationMinutes));
            }}
            options={[...motifs.map((m) => ({ value: m.id, label: `${m.label} (${m.durationMinutes} min)` })), { value: "", label: "Sans motif" }]}
          />
          <Field
            id="create-duration"
            label="Durée (minutes)"
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            error={errors.durationMinutes}
          />
          <Field
            id="create-day"
            label="Date"
            name="day"
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={errors.day}
            min="1900-01-01"
            max="2200-12-31"
          />
          <Field
            id="create-time"
            label="Heure"
            name="time"
            type="time"
            step={300}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            error={errors.time}
          />
        </div>
        {kind === "nonexistent" && !errors.time && (
          <Alert tone="warning">
            Cette heure n&apos;existe pas ce jour-là : les horloges passent de 02:00 à 03:00 (heure d&apos;été). Choisissez une autre heure.
          </Alert>
        )}
        {askOccurrence && <OccurrenceChoice idPrefix="create" error={errors.occurrence} />}
        <TextArea id="create-note" label="Note" hint="facultative" name="note" rows={2} maxLength={1000} error={errors.note} />
        {state.status === "error" && state.formError && (
          <Alert tone={state.data?.ask === "outside-hours" ? "warning" : "error"}>
            <p>{state.formError}</p>
            {state.data?.ask === "overbook" && (
              <p className="mt-1">L&apos;agenda a été actualisé. Vous pouvez choisir une autre heure, ou réserver quand même en surnombre.</p>
            )}
          </Alert>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
          >
            Fermer
          </button>
          {state.data?.ask === "outside-hours" && (
            <button
              type="button"
              onClick={() => {
                setOutsideConfirmed(true);
                sendWith({ outsideHoursConfirmed: "on" });
              }}
              disabled={pending}
              className="rounded-md bg-amber-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-amber-700"
            >
              Réserver hors des heures d&apos;ouverture
            </button>
          )}
          {state.data?.ask === "overbook" && (
            <button
              type="button"
              onClick={() => sendWith({ overbooked: "on" })}
              disabled={pending}
              className="rounded-md bg-amber-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-amber-700"
            >
              Réserver en surnombre
            </button>
          )}
          <button
            type="submit"
            disabled={pending}
            aria-busy={pending || undefined}
            className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "Enregistrement…" : "Enregistrer le rendez-vous"}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The two readings of a time the autumn change repeats. */
export function OccurrenceChoice({ idPrefix, error }: { idPrefix: string; error?: string }) {
  return (
    <fieldset
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
      aria-describedby={error ? `${idPrefix}-occurrence-error` : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-amber-900">
        Cette heure a lieu deux fois (retour à l&apos;heure d&apos;hiver) : laquelle ?
      </legend>
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="radio" name="occurrence" value="earlier" className="size-4" /> Première occurrence (heure d&apos;été, UTC+2)
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="radio" name="occurrence" value="later" className="size-4" /> Seconde occurrence (heure d&apos;hiver, UTC+1)
      </label>
      {error && (
        <p id={`${idPrefix}-occurrence-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Finds a patient as one types: name, matricule or birth date (JJ/MM/AAAA). */
function PatientCombobox({
  doctorId,
  search,
  error,
  onPick,
}: {
  doctorId: string;
  search: AgendaActions["searchPatients"];
  error?: string;
  onPick: (p: BookingPatient) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<BookingPatient[] | null>(null);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      search(doctorId, q)
        .then((found) => {
          if (!live) return;
          setResults(found);
          setActive(0);
          setFailed(false);
        })
        .catch(() => live && setFailed(true))
        .finally(() => live && setLoading(false));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, doctorId, search]);

  const listId = `${id}-list`;
  const shown = query.trim().length < 2 ? null : results;
  const open = shown !== null && shown.length > 0;
  return (
    <div className="space-y-1.5">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-slate-800">
        Rechercher un patient <span className="font-normal text-slate-500">— nom, matricule ou date de naissance (JJ/MM/AAAA)</span>
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        data-autofocus
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-status`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(shown.length - 1, a + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            onPick(shown[active]!);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            setResults(null);
          }
        }}
        className={`block w-full rounded-md border bg-white px-3 py-2.5 text-base shadow-sm sm:text-sm ${error ? "border-red-600" : "border-slate-300"} focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30`}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <p id={`${id}-status`} className="text-sm text-slate-600" aria-live="polite">
        {loading
          ? "Recherche…"
          : failed
            ? "La recherche a échoué : réessayez."
            : shown && shown.length === 0
              ? "Aucun patient trouvé : créez son dossier ci-dessous."
              : ""}
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label="Patients trouvés"
        hidden={!open}
        className="max-h-56 overflow-y-auto rounded-md border border-slate-200 bg-white shadow-sm"
      >
        {shown?.map((p, i) => (
          <li
            key={p.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
            className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
          >
            <span className="font-semibold">
              {p.lastName.toUpperCase()} {p.firstName}
            </span>{" "}
            · {formatCalendarDate(p.birthDate)}
            {p.matricule && <span className="text-slate-600"> · {p.matricule}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
