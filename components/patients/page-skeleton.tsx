// Shown while a patient page or the patient list loads: a title and a card, as the page will be.

function Block({ className }: { className: string }) {
  return <div className={`rounded bg-slate-200 ${className}`} />;
}

export function PatientsSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" className="max-w-6xl animate-pulse space-y-6 motion-reduce:animate-none">
      <span className="sr-only">{label}</span>
      <div className="space-y-2">
        <Block className="h-7 w-56" />
        <Block className="h-4 w-80" />
      </div>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <Block className="h-5 w-40" />
        {Array.from({ length: 8 }, (_, i) => (
          <Block key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
