"use client";

import { Button } from "./button";

/**
 * What a part of a page shows when it failed after the page had started (a database gone away
 * mid-stream): a French message in place of that part, the rest of the page kept. Never the
 * error itself.
 */
export function SegmentError({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-amber-200 bg-amber-50 px-5 py-6 text-center">
      <h2 className="text-lg font-semibold text-slate-900">Cette partie de la page n&apos;a pas pu s&apos;afficher</h2>
      <p className="mt-2 text-sm text-slate-700">
        Le service est momentanément indisponible. Réessayez dans un instant ; si le problème persiste, contactez le support.
      </p>
      <Button className="mt-4" onClick={reset}>
        Réessayer
      </Button>
    </div>
  );
}
