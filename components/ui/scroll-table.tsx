import type { ReactNode } from "react";

// A table that scrolls sideways on a narrow screen. The scrolling region is focusable and named,
// so a keyboard user can scroll it too (axe's scrollable-region-focusable), and an empty list says
// so in words instead of drawing an empty table.

type Props = {
  /** Names the region; « (défile de côté) » is added. */
  label: string;
  columns: readonly string[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  rowCount: number;
  /** The <tr> rows. */
  children: ReactNode;
};

export function ScrollTable({ label, columns, empty, rowCount, children }: Props) {
  if (rowCount === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{empty}</p>;
  }
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={`${label} (défile de côté)`}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-4 py-2 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
