import type { Metadata } from "next";
import Link from "next/link";
import { PastAppointments, UpcomingAppointments } from "@/components/patient-space/appointment-list";
import { SharedDocuments } from "@/components/patient-space/shared-documents";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePatient } from "@/lib/auth/guards";
import { patientCancelMessage } from "@/lib/booking/messages";
import { reviewMessage } from "@/lib/patient-space/messages";
import { listPatientAppointments } from "@/lib/patient-space/appointments";
import { listSharedDocuments } from "@/lib/patient-space/documents";
import { cancelAppointmentAction, leaveReviewAction, setWaitlistAction } from "./actions";

export const metadata: Metadata = { title: "Espace patient" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PatientPage({ searchParams }: Props) {
  const { user } = await requirePatient();
  const query = await searchParams;
  const moved = query.deplace === "1";
  const cancelled = query.annule === "1";
  const reviewed = typeof query.avis === "string" ? query.avis : null;
  const now = new Date();
  const [{ upcoming, past }, documents] = await Promise.all([listPatientAppointments(user.id, { now }), listSharedDocuments(user.id)]);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-slate-900">Bonjour {user.firstName}</h1>
        <Link href="/rdv" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
          Prendre rendez-vous
        </Link>
      </div>
      {moved && <Alert tone="info">Votre rendez-vous est déplacé ; le cabinet en est informé et vous recevez une confirmation par courriel.</Alert>}
      {cancelled && <Alert tone="info">{patientCancelMessage({ kind: "cancelled", appointmentId: "", doctorId: "" })}</Alert>}
      <Card title="Rendez-vous à venir">
        <UpcomingAppointments
          appointments={upcoming}
          now={now}
          actions={{
            cancel: (id) => cancelAppointmentAction.bind(null, id),
            waitlist: (id, on) => setWaitlistAction.bind(null, id, on),
          }}
        />
      </Card>
      <Card title="Vos documents">
        <SharedDocuments documents={documents} />
      </Card>
      <Card title="Rendez-vous passés et annulés">
        <PastAppointments
          appointments={past}
          review={(id) => leaveReviewAction.bind(null, id)}
          thanked={reviewed}
          thanks={reviewMessage({ kind: "done" })}
        />
      </Card>
    </div>
  );
}
