import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolmentPanel } from "@/components/twofactor/enrolment-panel";
import { StepExpired } from "@/components/twofactor/step-expired";
import { enrolmentChallenge } from "@/lib/twofactor/enrolment";
import { currentPendingStep } from "@/lib/twofactor/pending-step";
import { enrolAtSignInAction, finishEnrolmentAction } from "./actions";

export const metadata: Metadata = { title: "Activer la double authentification" };

export default async function EnrolAtSignInPage() {
  const step = await currentPendingStep();
  if (!step) return <StepExpired />;
  if (step.user.status !== "active") redirect("/connexion/bloque");
  if (step.kind === "verify") redirect("/connexion/2fa");
  const challenge = await enrolmentChallenge(step.user, false);
  if (challenge.kind === "already-on") redirect("/connexion/2fa");
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Activer la double authentification</h1>
      <p className="text-sm text-slate-700">Votre accès exige la double authentification. Activez-la maintenant pour continuer.</p>
      <EnrolmentPanel {...challenge.challenge} action={enrolAtSignInAction} continueAction={finishEnrolmentAction} />
    </div>
  );
}
