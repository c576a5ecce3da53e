import type { Metadata } from "next";
import Link from "next/link";
import { CancelByLinkForm } from "@/components/booking/cancel-by-link-form";
import { Alert } from "@/components/ui/alert";
import { cancelLinkView } from "@/lib/booking/cancel-link-view";
import { cancelLinkRefusalMessage } from "@/lib/booking/messages";
import { formatAppointmentTime } from "@/lib/format/datetime";
import { cancelByLinkAction } from "./actions";

// The link of a confirmation email: public (no sign-in), the token in the path. The page only shows
// the appointment; cancelling takes the button (a mail scanner following links cancels nothing).
export const metadata: Metadata = { title: "Annuler un rendez-vous", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function CancelByLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await cancelLinkView(token);
  return (
    <div className="mx-auto max-w-lg space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
      <h1 className="text-2xl font-bold text-slate-900">Annuler un rendez-vous</h1>
      {view.kind === "usable" ? (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-slate-500">Date</dt>
            <dd className="text-slate-900">{formatAppointmentTime(view.startsAt)}</dd>
            <dt className="font-medium text-slate-500">Médecin</dt>
            <dd className="text-slate-900">{view.doctorName}</dd>
            {view.motif && (
              <>
                <dt className="font-medium text-slate-500">Motif</dt>
                <dd className="text-slate-900">{view.motif}</dd>
              </>
            )}
            {view.address && (
              <>
                <dt className="font-medium text-slate-500">Adresse</dt>
                <dd className="text-slate-900">{view.address}</dd>
              </>
            )}
          </dl>
          <p className="text-sm text-slate-700">
            Vous pouvez annuler en ligne jusqu&apos;au {formatAppointmentTime(view.until)}. Le créneau sera aussitôt libéré pour d&apos;autres
            patients.
          </p>
          <CancelByLinkForm token={token} action={cancelByLinkAction} />
        </>
      ) : (
        <>
          <Alert tone={view.kind === "used" ? "info" : "error"}>{cancelLinkRefusalMessage(view.kind)}</Alert>
          <Link href="/rdv" className="inline-block text-sm font-semibold text-brand-700 underline">
            Prendre un rendez-vous en ligne
          </Link>
        </>
      )}
    </div>
  );
}
