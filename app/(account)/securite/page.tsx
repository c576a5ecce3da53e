import type { Metadata } from "next";
import { TwoFactorActivation } from "@/components/security/two-factor-activation";
import { TwoFactorEnabled } from "@/components/security/two-factor-enabled";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/auth/guards";
import { hasTwoFactor } from "@/lib/twofactor/authenticator";
import { unusedRecoveryCodes } from "@/lib/twofactor/recovery-codes";
import { twoFactorRequired } from "@/lib/twofactor/required";
import { listOpenSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/dashboard/user-agent";
import { formatDateTime } from "@/lib/format/datetime";
import { OpenSessions } from "@/components/security/open-sessions";
import { ChangePasswordForm } from "@/components/security/change-password-form";
import {
  changePasswordAction,
  confirmActivationAction,
  deactivateAction,
  regenerateCodesAction,
  revokeOtherSessionsAction,
  revokeSessionAction,
  startActivationAction,
} from "./actions";

export const metadata: Metadata = { title: "Sécurité du compte" };

export default async function SecurityPage() {
  const { user, session } = await requireSignedIn();
  const enabled = await hasTwoFactor(user.id);
  const open = (await listOpenSessions(user.id)).map((s) => {
    const device = describeUserAgent(s.userAgent);
    return { id: s.id, device: `${device.browser} · ${device.os}`, ip: s.ip, lastSeen: formatDateTime(s.lastSeenAt), current: s.id === session.id };
  });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Sécurité du compte</h1>
      <Card title="Double authentification (2FA)">
        {enabled ? (
          <TwoFactorEnabled
            remainingCodes={await unusedRecoveryCodes(user.id)}
            canDeactivate={!twoFactorRequired(user.role)}
            regenerateAction={regenerateCodesAction}
            deactivateAction={deactivateAction}
          />
        ) : (
          <TwoFactorActivation startAction={startActivationAction} confirmAction={confirmActivationAction} />
        )}
      </Card>
      <Card title="Mot de passe">
        <p className="mb-3 text-sm text-slate-600">
          Vos autres sessions seront fermées ; celle-ci reste ouverte. Une phrase de plusieurs mots, sans votre nom ni votre courriel, est à la fois
          sûre et facile à retenir.
        </p>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
      <Card title="Sessions ouvertes">
        <OpenSessions sessions={open} revokeAction={revokeSessionAction} revokeOthersAction={revokeOtherSessionsAction} />
      </Card>
    </div>
  );
}
