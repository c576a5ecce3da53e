// Shown while the dashboard's figures load: the same grid as the page, so nothing jumps when the
// figures arrive.

function Block({ className }: { className: string }) {
  return <div className={`rounded bg-slate-200 ${className}`} />;
}

function CardSkeleton() {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Block className="h-4 w-24" />
      <Block className="h-8 w-20" />
      <Block className="h-3 w-32" />
    </div>
  );
}

export function DashboardSkeleton({ withHistory = true }: { withHistory?: boolean }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6 motion-reduce:animate-none">
      <span className="sr-only">Chargement du tableau de bord…</span>
      <div className="space-y-2">
        <Block className="h-7 w-48" />
        <Block className="h-4 w-40" />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <CardSkeleton />
        <CardSkeleton />
        <CardSkeleton />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <Block className="mb-4 h-4 w-48" />
        <Block className="h-40 w-full" />
      </div>
      {withHistory && (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <Block className="h-4 w-44" />
          {Array.from({ length: 5 }, (_, i) => (
            <Block key={i} className="h-6 w-full" />
          ))}
        </div>
      )}
    </div>
  );
}
