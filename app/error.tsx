"use client";

import { Button } from "@/components/ui/button";

// Never shows the error itself: only a French message and a way to try again.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Une erreur est survenue</h1>
      <p className="mt-3 text-slate-600">
        Le service est momentanément indisponible. Réessayez dans un instant ; si le problème persiste, contactez le support.
      </p>
      <Button className="mt-6" onClick={reset}>
        Réessayer
      </Button>
    </main>
  );
}
