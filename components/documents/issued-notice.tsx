"use client";

import { useEffect, useRef } from "react";

/**
 * Shown after a document was issued: its number and its PDF, at once. It takes the focus when it
 * appears (the page came back from the form's redirect), so keyboard and screen reader users start
 * from the result.
 */
export function IssuedNotice({ id, label, feminine }: { id: string; label: string; feminine: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.focus();
  }, [id]);
  return (
    <div
      ref={root}
      tabIndex={-1}
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-green-700/40"
    >
      <span>
        <strong>{label}</strong> {feminine ? "établie" : "établi"}.
      </span>
      <span className="flex gap-4">
        <a href={`/documents/${id}/pdf`} target="_blank" rel="noopener" className="font-semibold underline">
          Ouvrir le PDF
        </a>
        <a href={`/documents/${id}/pdf?telecharger`} download className="font-semibold underline">
          Télécharger
        </a>
      </span>
    </div>
  );
}
