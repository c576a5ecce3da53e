const STYLES = {
  active: "bg-green-50 text-green-800 ring-green-600/20",
  blocked: "bg-red-50 text-red-800 ring-red-600/20",
} as const;

export function StatusBadge({ status }: { status: "active" | "blocked" }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {status === "active" ? "Actif" : "Bloqué"}
    </span>
  );
}
