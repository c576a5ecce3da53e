"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { KIND_LABEL, type DocumentKind } from "@/lib/documents/schema";
import type { FormValues } from "@/lib/documents/form-values";
import { CertificateForm } from "./certificate-form";
import { FeeNoteForm } from "./fee-note-form";
import { PrescriptionForm } from "./prescription-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  kinds: DocumentKind[];
  initialKind: DocumentKind;
  actions: Partial<Record<DocumentKind, Action>>;
  initial: FormValues;
  /** Set while correcting a document: only its kind is offered. */
  replaces: { id: string; number: string; kind: DocumentKind } | null;
  cancelHref: string;
};

/** The three create forms behind tabs (only those the person may use). Switching keeps what was typed. */
export function NewDocument({ kinds, initialKind, actions, initial, replaces, cancelHref }: Props) {
  const offered = replaces ? [replaces.kind] : kinds;
  const [active, setActive] = useState<DocumentKind>(replaces?.kind ?? initialKind);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = (index + step + offered.length) % offered.length;
    setActive(offered[next]!);
    tabs.current[next]?.focus();
  };
  const replacing = (kind: DocumentKind) => (replaces?.kind === kind ? { id: replaces.id, number: replaces.number } : null);
  return (
    <div className="space-y-5">
      <div role="tablist" aria-label="Type de document" className="flex flex-wrap gap-2 border-b border-slate-200">
        {offered.map((kind, i) => (
          <button
            key={kind}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${kind}`}
            aria-selected={active === kind}
            aria-controls={`panel-${kind}`}
            tabIndex={active === kind ? 0 : -1}
            onClick={() => setActive(kind)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${
              active === kind ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {KIND_LABEL[kind]}
          </button>
        ))}
      </div>
      {offered.map((kind) => {
        const action = actions[kind];
        if (!action) return null;
        return (
          <div key={kind} role="tabpanel" id={`panel-${kind}`} aria-labelledby={`tab-${kind}`} hidden={active !== kind}>
            {kind === "prescription" && (
              <PrescriptionForm action={action} initial={initial.prescription} replaces={replacing(kind)} cancelHref={cancelHref} />
            )}
            {kind === "certificate" && (
              <CertificateForm action={action} initial={initial.certificate} replaces={replacing(kind)} cancelHref={cancelHref} />
            )}
            {kind === "fee_note" && <FeeNoteForm action={action} initial={initial.fee_note} replaces={replacing(kind)} cancelHref={cancelHref} />}
          </div>
        );
      })}
    </div>
  );
}
