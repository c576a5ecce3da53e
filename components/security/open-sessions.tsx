"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { counted } from "@/lib/format/count";
import { IDLE, type FormState } from "@/lib/forms/form-state";

export type OpenSession = { id: string; device: string; ip: string; lastSeen: string; current: boolean };
type Props = {
  sessions: OpenSession[];
  revokeAction: (state: FormState, formData: FormData) => Promise<FormState>;
  revokeOthersAction: (state: FormState) => Promise<FormState>;
};

function RevokeButton({ id, device, action }: { id: string; device: string; action: Props["revokeAction"] }) {
  const [state, formAction, pending] = useActionState(action, IDLE as FormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="sessionId" value={id} />
      <Button type="submit" variant="secondary" pending={pending} aria-label={`Déconnecter ${device}`}>
        Déconnecter
      </Button>
      {state.formError && <Alert>{state.formError}</Alert>}
    </form>
  );
}

/** The user's own open sessions: device, address, last activity; end one, or all the others. */
export function OpenSessions({ sessions, revokeAction, revokeOthersAction }: Props) {
  const [others, revokeOthers, pending] = useActionState(revokeOthersAction, IDLE as FormState);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100" aria-label="Sessions ouvertes">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {s.device}
                {s.current && <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">Cette session</span>}
              </p>
              <p className="text-sm text-slate-600">
                {s.ip} · dernière activité le {s.lastSeen}
              </p>
            </div>
            {!s.current && <RevokeButton id={s.id} device={s.device} action={revokeAction} />}
          </li>
        ))}
      </ul>
      {sessions.length > 1 && (
        <form action={revokeOthers}>
          <ConfirmSubmit label="Déconnecter les autres sessions" title="Déconnecter les autres sessions ?" pending={pending}>
            {counted(sessions.length - 1, "autre session ouverte sera fermée", "autres sessions ouvertes seront fermées")} : il faudra s&apos;y
            reconnecter avec le mot de passe. Cette session-ci reste ouverte.
          </ConfirmSubmit>
        </form>
      )}
      {others.message && <Alert tone="info">{others.message}</Alert>}
    </div>
  );
}
