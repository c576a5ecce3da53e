import type { ReactNode } from "react";

/** The details as a secretary sees them: read only. */
export function ReadOnlyDetails({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-slate-500">{label}</dt>
          <dd className="text-sm text-slate-900">{value ?? <span className="text-slate-500">Non renseigné</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
