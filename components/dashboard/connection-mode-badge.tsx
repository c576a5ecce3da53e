import type { ConnectionMode } from "@/lib/dashboard/types";

// Green for the doctor in person, red for a secretary's account (the guide's colours). The words
// and the shape of the mark say the same thing, for anyone who cannot tell the colours apart.

const MODE_STYLE = {
  direct: {
    label: "Connexion directe",
    badge: "border-green-700 bg-green-50 text-green-800",
    mark: "●",
  },
  secretary: {
    label: "Via secrétariat",
    badge: "border-red-700 bg-red-50 text-red-800",
    mark: "◆",
  },
} as const satisfies Record<ConnectionMode, { label: string; badge: string; mark: string }>;

export function ConnectionModeBadge({ mode, secretaryName }: { mode: ConnectionMode; secretaryName?: string | null }) {
  const style = MODE_STYLE[mode];
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${style.badge}`}>
        <span aria-hidden>{style.mark}</span>
        {style.label}
      </span>
      {secretaryName && <span className="text-sm text-slate-700">{secretaryName}</span>}
    </span>
  );
}
