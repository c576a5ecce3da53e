export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <p className="sr-only">Chargement de l&apos;agenda…</p>
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-full animate-pulse rounded bg-slate-100" />
      <div className="h-[32rem] w-full animate-pulse rounded bg-slate-100" />
    </div>
  );
}
