import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/components/twofactor/second-factor-form";
import { StepExpired } from "@/components/twofactor/step-expired";
import { CODE_ATTEMPTS, EMAIL_CODE_REQUESTS } from "@/lib/twofactor/limits";
import { maskEmail } from "@/lib/twofactor/mask-email";
import { currentPendingStep } from "@/lib/twofactor/pending-step";
import { requestEmailCodeAction, verifyCodeAction } from "./actions";

export const metadata: Metadata = { title: "Identification à deux facteurs (2FA)" };

export default async function SecondFactorPage() {
  const step = await currentPendingStep();
  if (!step) return <StepExpired />;
  if (step.user.status !== "active") redirect("/connexion/bloque");
  if (step.kind === "enrol") redirect("/connexion/activer-2fa");
  return (
    <SecondFactorForm
      maskedEmail={maskEmail(step.user.email)}
      remaining={CODE_ATTEMPTS - step.user.failedCodeAttempts}
      remainingRequests={EMAIL_CODE_REQUESTS - step.user.emailCodeRequests}
      verifyAction={verifyCodeAction}
      requestCodeAction={requestEmailCodeAction}
    />
  );
}
