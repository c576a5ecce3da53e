import type { Metadata } from "next";
import { TwoFactorActivation } from "@/components/security/two-factor-activation";
import { TwoFactorEnabled } from "@/components/security/two-factor-enabled";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guards";
import { hasTwoFactor } from "@/lib/twofactor/authenticator";
import { unusedRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import { confirmActivationAction, deactivateAction, regenerateCodesAction, startActivationAction } from "./actions";

export const metadata: Metadata = { title: "Sécurité du compte" };

export default async function SecurityPage() {
  const { user } = await requireRole("doctor", "secretary", "patient", "support");
  const enabled = await hasTwoFactor(user.id);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Sécurité du compte</h1>
      <Card title="Double authentification (2FA)">
        {enabled ? (
          <TwoFactorEnabled
            remainingCodes={await unusedRecoveryCodes(user.id)}
            canDeactivate={user.role !== "support"}
            regenerateAction={regenerateCodesAction}
            deactivateAction={deactivateAction}
          />
        ) : (
          <TwoFactorActivation startAction={startActivationAction} confirmAction={confirmActivationAction} />
        )}
      </Card>
    </div>
  );
}
