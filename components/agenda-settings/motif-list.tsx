"use client";

import { startTransition, useActionState, useEffect, useOptimistic, useRef, useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { PALETTE } from "@/lib/agenda/palette";
import type { VisitReason } from "@/lib/agenda/visit-reasons";
import { MotifForm } from "./motif-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type MotifActions = {
  save: Record<string, Action>;
  setActive: Record<string, Action>;
  remove: Record<string, Action>;
  reorder: Action;
};

const small =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";

/** The motifs in their order: move up or down (buttons, so the keyboard can), edit in place, turn off, delete if unused. */
export function MotifList({ motifs, actions }: { motifs: VisitReason[]; actions: MotifActions }) {
  const [order, setOrder] = useOptimistic(motifs);
  const [state, reorder, reordering] = useActionState(actions.reorder, IDLE as FormState);
  const [editing, setEditing] = useState<string | null>(null);
  const moved = useRef<{ id: string; direction: "up" | "down" } | null>(null);

  useEffect(() => {
    // Keep the focus on the moved motif's button (the other one at either end of the list).
    const m = moved.current;
    if (!m) return;
    const button = document.getElementById(`motif-${m.id}-${m.direction}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : document.getElementById(`motif-${m.id}-${m.direction === "up" ? "down" : "up"}`))?.focus();
  }, [order]);

  const move = (index: number, direction: "up" | "down") => {
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    moved.current = { id: order[index]!.id, direction };
    const data = new FormData();
    data.set("ids", next.map((m) => m.id).join(","));
    startTransition(() => {
      setOrder(next);
      reorder(data);
    });
  };

  if (!order.length)
    return (
      <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
        Aucun motif pour l&apos;instant : créez le premier ci-dessous.
      </p>
    );

  return (
    <div className="space-y-2">
      {state.status === "error" && state.formError && <Alert>{state.formError}</Alert>}
      <ol className="divide-y divide-slate-100" aria-label="Motifs, dans l'ordre où ils sont proposés" aria-busy={reordering || undefined}>
        {order.map((m, index) => (
          <li key={m.id} className="space-y-3 py-3">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <span
                aria-hidden
                className="size-4 shrink-0 rounded-full border-2"
                style={{ background: PALETTE[m.colour].background, borderColor: PALETTE[m.colour].border }}
              />
              <span className="min-w-0 font-medium text-slate-900">{m.label}</span>
              <span className="text-sm text-slate-600 tabular-nums">{m.durationMinutes} min</span>
              <span className="text-sm text-slate-600">{PALETTE[m.colour].label}</span>
              {!m.active && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Inactif</span>}
              <div className="flex flex-wrap items-start gap-2 sm:ml-auto">
                <button
                  id={`motif-${m.id}-up`}
                  type="button"
                  className={small}
                  disabled={index === 0}
                  onClick={() => move(index, "up")}
                  aria-label={`Monter « ${m.label} »`}
                >
                  ↑
                </button>
                <button
                  id={`motif-${m.id}-down`}
                  type="button"
                  className={small}
                  disabled={index === order.length - 1}
                  onClick={() => move(index, "down")}
                  aria-label={`Descendre « ${m.label} »`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={small}
                  onClick={() => setEditing(editing === m.id ? null : m.id)}
                  aria-expanded={editing === m.id}
                  aria-label={`Modifier « ${m.label} »`}
                >
                  Modifier
                </button>
                <ActionButton
                  label={m.active ? "Désactiver" : "Réactiver"}
                  accessibleLabel={`${m.active ? "Désactiver" : "Réactiver"} « ${m.label} »`}
                  action={actions.setActive[m.id]!}
                />
                <ConfirmAction
                  label="Supprimer"
                  accessibleLabel={`Supprimer « ${m.label} »`}
                  question={`Supprimer le motif « ${m.label} » ?`}
                  confirmLabel="Confirmer la suppression"
                  action={actions.remove[m.id]!}
                  showSuccess={false}
                  compact
                />
              </div>
            </div>
            {editing === m.id && (
              <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
                <MotifForm
                  action={actions.save[m.id]!}
                  values={m}
                  idPrefix={m.id}
                  submitLabel="Enregistrer le motif"
                  onDone={() => setEditing(null)}
                  onCancel={() => setEditing(null)}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
