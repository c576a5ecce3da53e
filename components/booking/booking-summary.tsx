import { formatAddress } from "@/lib/format/address";
import { formatDateTime } from "@/lib/format/datetime";

type Props = {
  doctor: { name: string; specialty: string | null; street: string | null; postcode: string | null; locality: string | null; phone: string | null };
  motif: { label: string; durationMinutes: number };
  startsAt: Date;
};

/** The doctor, address, motif and time being booked, in Luxembourg time. */
export function BookingSummary({ doctor, motif, startsAt }: Props) {
  const address = formatAddress(doctor);
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="text-slate-600">Médecin</dt>
      <dd className="font-semibold text-slate-900">
        {doctor.name}
        {doctor.specialty ? ` — ${doctor.specialty}` : ""}
      </dd>
      {address && (
        <>
          <dt className="text-slate-600">Adresse</dt>
          <dd className="text-slate-900">{address}</dd>
        </>
      )}
      <dt className="text-slate-600">Motif</dt>
      <dd className="text-slate-900">
        {motif.label} ({motif.durationMinutes} min)
      </dd>
      <dt className="text-slate-600">Date et heure</dt>
      <dd className="font-semibold text-slate-900" data-testid="booking-time">
        {formatDateTime(startsAt)} <span className="font-normal text-slate-600">(heure de Luxembourg)</span>
      </dd>
    </dl>
  );
}
