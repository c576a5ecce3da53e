import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailCodeStep, ExistingAccountStep, NewAccountStep } from "@/components/booking/account-step";
import { BookingSummary } from "@/components/booking/booking-summary";
import { ForWhomForm } from "@/components/booking/for-whom-form";
import { SecondFactorForm } from "@/components/twofactor/second-factor-form";
import { Alert } from "@/components/ui/alert";
import { currentSession } from "@/lib/auth/guards";
import { bookingPeople, readBookingChoice } from "@/lib/booking/flow";
import { bookingRefusal } from "@/lib/booking/flow-messages";
import { accountFor, currentSignUpProof } from "@/lib/booking/sign-up";
import { formatCalendarDate } from "@/lib/format/datetime";
import { CODE_ATTEMPTS, EMAIL_CODE_REQUESTS } from "@/lib/twofactor/limits";
import { maskEmail } from "@/lib/twofactor/mask-email";
import { currentPendingStep } from "@/lib/twofactor/pending-step";
import {
  bookingEmailCodeAction,
  bookingSecondFactorAction,
  checkSignUpCodeAction,
  confirmBookingAction,
  existingAccountAction,
  newAccountAction,
  requestSignUpCodeAction,
} from "./actions";

export const metadata: Metadata = { title: "Prendre rendez-vous" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

function Shell({ slug, children }: { slug: string; children: React.ReactNode }) {
  return (
    <main id="contenu" className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <p className="text-sm">
        <Link href={`/rdv/${encodeURIComponent(slug)}`} className="text-brand-700 underline">
          ← Retour aux créneaux du médecin
        </Link>
      </p>
      {children}
    </main>
  );
}

/**
 * The booking flow, public: anyone may start it; the account step signs in or creates the patient
 * account (lib/booking/sign-up.ts), and booking itself requires a patient session (its action's guard).
 */
export default async function BookingPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const choice = await readBookingChoice(slug, { motif: one(query.motif), debut: one(query.debut) });
  if (choice.kind === "unknown-doctor") notFound();
  if (choice.kind !== "ready") {
    const message =
      choice.kind === "booking-off"
        ? `Ce médecin ne prend pas de rendez-vous en ligne pour l'instant.${choice.doctor.phone ? ` Appelez le cabinet au ${choice.doctor.phone}.` : ""}`
        : choice.kind === "motif-not-online"
          ? "Ce motif ne peut pas être réservé en ligne. Choisissez-en un autre sur la page du médecin."
          : choice.message;
    return (
      <Shell slug={slug}>
        <h1 className="text-2xl font-bold text-slate-900">Prendre rendez-vous</h1>
        <Alert>{message}</Alert>
      </Shell>
    );
  }
  const { doctor, motif, startsAt } = choice;
  const debut = startsAt.toISOString();
  const summary = <BookingSummary doctor={doctor} motif={motif} startsAt={startsAt} />;
  const unavailable = choice.check.kind !== "ok" && choice.check.kind !== "new_patients_not_accepted" ? bookingRefusal(choice.check, () => "") : null;

  const live = await currentSession();
  let step: React.ReactNode;
  if (unavailable) {
    step = (
      <Alert>
        {unavailable.formError}{" "}
        <Link href={`/rdv/${encodeURIComponent(slug)}`} className="font-semibold underline">
          Voir les créneaux libres
        </Link>
      </Alert>
    );
  } else if (live && live.user.role === "patient") {
    const people = await bookingPeople(live.user.id, doctor.id);
    step = (
      <ForWhomForm
        action={confirmBookingAction.bind(null, slug, doctor.id, motif.id, debut)}
        account={{ firstName: live.user.firstName, lastName: live.user.lastName }}
        hasOwnFile={people.self !== null}
        relatives={people.relatives.map((r) => ({ id: r.id, label: `${r.firstName} ${r.lastName} (né(e) le ${formatCalendarDate(r.birthDate)})` }))}
        summary={summary}
      />
    );
  } else if (live) {
    step = <Alert>Vous êtes connecté avec un compte professionnel. Un rendez-vous en ligne se prend avec un compte patient.</Alert>;
  } else {
    const pending = one(query.etape) === "2fa" ? await currentPendingStep() : null;
    const proven = pending ? null : await currentSignUpProof();
    if (pending && pending.kind === "verify" && pending.portal === "patient") {
      step = (
        <SecondFactorForm
          maskedEmail={maskEmail(pending.user.email)}
          remaining={CODE_ATTEMPTS - pending.user.failedCodeAttempts}
          remainingRequests={EMAIL_CODE_REQUESTS - pending.user.emailCodeRequests}
          verifyAction={bookingSecondFactorAction.bind(null, slug, motif.id, debut)}
          requestCodeAction={bookingEmailCodeAction}
        />
      );
    } else if (proven && (await accountFor(proven)) === "existing") {
      step = <ExistingAccountStep email={proven} action={existingAccountAction.bind(null, slug, motif.id, debut)} />;
    } else if (proven) {
      step = <NewAccountStep email={proven} action={newAccountAction.bind(null, slug, motif.id, debut)} />;
    } else {
      step = <EmailCodeStep requestCode={requestSignUpCodeAction} checkCode={checkSignUpCodeAction.bind(null, slug, motif.id, debut)} />;
    }
  }

  return (
    <Shell slug={slug}>
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Prendre rendez-vous</h1>
        <p className="text-slate-600">Le créneau n&apos;est réservé qu&apos;à la confirmation.</p>
      </div>
      {summary}
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{step}</section>
    </Shell>
  );
}
