import type { FormState } from "@/lib/forms/form-state";
import { formatDateTime } from "@/lib/format/datetime";
import { displayName } from "@/lib/users/display-name";
import { DetachSecretaryButton } from "./detach-secretary-button";

type Secretary = { id: string; email: string; title: string | null; firstName: string; lastName: string; since: Date };
type Props = { secretaries: Secretary[]; detachAction: (state: FormState, formData: FormData) => Promise<FormState> };

/** The doctor's secretaries, each with « Détacher » (her sessions for this doctor end at once). */
export function AttachedSecretaries({ secretaries, detachAction }: Props) {
  if (secretaries.length === 0) {
    return (
      <p className="text-sm text-slate-600">Aucune secrétaire n&apos;est rattachée à votre cabinet. Le support Doctipro peut en rattacher une.</p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100">
      {secretaries.map((s) => (
        <li key={s.id} className="flex items-center justify-between gap-4 py-3">
          {/* min-w-0 and wrap-anywhere: a long address wraps instead of pushing « Détacher » against the edge. */}
          <div className="min-w-0">
            <p className="font-medium wrap-anywhere text-slate-900">{displayName(s)}</p>
            <p className="text-sm wrap-anywhere text-slate-600">
              {s.email} · rattachée le {formatDateTime(s.since)}
            </p>
          </div>
          <DetachSecretaryButton secretaryId={s.id} name={displayName(s)} action={detachAction} />
        </li>
      ))}
    </ul>
  );
}
