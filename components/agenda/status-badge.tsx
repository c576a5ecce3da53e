import { CANCELLERS, STATUS_LABEL } from "@/lib/agenda/schema";

const STATUS_STYLE: Record<keyof typeof STATUS_LABEL, string> = {
  booked: "bg-brand-50 text-brand-800",
  arrived: "bg-amber-50 text-amber-900",
  done: "bg-green-50 text-green-900",
  cancelled: "bg-slate-100 text-slate-700",
  no_show: "bg-red-50 text-red-900",
};

/** An appointment's status as a coloured pill, saying who cancelled (« Annulé par le cabinet »). */
export function StatusBadge({ status, cancelledBy }: { status: keyof typeof STATUS_LABEL; cancelledBy: keyof typeof CANCELLERS | null }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>
      {status === "cancelled" && cancelledBy ? CANCELLERS[cancelledBy] : STATUS_LABEL[status]}
    </span>
  );
}
