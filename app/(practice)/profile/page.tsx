import type { Metadata } from "next";
import { AccountSecurity } from "@/components/profile/account-security";
import { BankForm } from "@/components/profile/bank-form";
import { DetailsAndStamp } from "@/components/profile/details-and-stamp";
import { EmailChangeForm } from "@/components/profile/email-change-form";
import { EsanteCard } from "@/components/profile/esante-card";
import { PayconiqForm } from "@/components/profile/payconiq-form";
import { ReadOnlyDetails } from "@/components/profile/read-only-details";
import { SignatureCard } from "@/components/profile/signature-card";
import type { DetailsValues } from "@/components/profile/stamp-data";
import { StampPreview } from "@/components/profile/stamp-preview";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePracticeAccess, type PracticeAccess } from "@/lib/auth/guards";
import { supportEmail } from "@/config/env";
import { findEsanteLink } from "@/lib/esante/link";
import { esanteConfigured } from "@/lib/esante/oidc-client";
import { ESANTE_OUTCOMES, isEsanteOutcome } from "@/lib/esante/outcomes";
import { formatDateTime } from "@/lib/format/datetime";
import { formatCents } from "@/lib/format/money";
import { payconiqPaymentLink, SAMPLE_INVOICE } from "@/lib/payments/payconiq";
import { payconiqQrSvg } from "@/lib/payments/payconiq-qr";
import { TITLES } from "@/lib/profile/formats";
import { formatIban } from "@/lib/profile/iban";
import { loadProfile, type ProfileView } from "@/lib/profile/profile";
import { findSignature } from "@/lib/signature/signature";
import { hasTwoFactor } from "@/lib/twofactor/authenticator";
import { displayName, roleLabel } from "@/lib/users/display-name";
import { AttachedSecretaries } from "@/components/secretary/attached-secretaries";
import { listAttachedSecretaries } from "@/lib/secretary/doctors";
import { detachSecretaryAction } from "../secretaires/actions";
import {
  deleteSignatureAction,
  requestEmailChangeAction,
  saveBankAction,
  saveDetailsAction,
  savePayconiqAction,
  setShownOnDocumentsAction,
  startEsanteLinkAction,
  unlinkEsanteAction,
} from "./actions";

export const metadata: Metadata = { title: "Profil du praticien" };

function detailsValues(view: ProfileView): DetailsValues {
  const p = view.profile;
  return {
    title: TITLES.find((t) => t === view.title) ?? "",
    firstName: view.firstName,
    lastName: view.lastName,
    specialty: view.specialty ?? "",
    providerCode: p.providerCode ?? "",
    street: p.street ?? "",
    postcode: p.postcode ?? "",
    locality: p.locality ?? "",
    phone: p.phone ?? "",
    fax: p.fax ?? "",
    website: p.website ?? "",
  };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ esante?: string | string[] }> }) {
  const access = await requirePracticeAccess();
  const view = await loadProfile(access.doctor);
  return (
    <div className="max-w-6xl space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">Profil du praticien</h1>
      {access.mode === "direct" ? (
        <DoctorProfile access={access} view={view} outcome={(await searchParams).esante} />
      ) : (
        <SecretaryView access={access} view={view} />
      )}
    </div>
  );
}

/**
 * A secretary sees the details and the stamp, read only; never the bank, eSanté, signature or
 * account security sections (the doctor's two-factor state is the doctor's own business).
 */
function SecretaryView({ access, view }: { access: PracticeAccess; view: ProfileView }) {
  const p = view.profile;
  return (
    <>
      <p className="text-sm text-slate-600">Consultation seule : seul le médecin peut modifier son profil.</p>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card title="Coordonnées">
          <ReadOnlyDetails
            rows={[
              ["Nom", displayName(view)],
              ["Profession", roleLabel(access.doctor.role, access.doctor.doctorKind)],
              ["Spécialité", view.specialty],
              ["Code prestataire", p.providerCode],
              ["Adresse du cabinet", p.street ? `${p.street}, ${p.postcode} ${p.locality}` : null],
              ["Téléphone", p.phone],
              ["Fax", p.fax],
              ["Site internet", p.website],
              ["Courriel", view.email],
            ]}
          />
        </Card>
        <Card title="Cachet" className="self-start">
          <StampPreview values={detailsValues(view)} />
          <p className="mt-3 text-sm text-slate-600">{p.stampOnDocuments ? "Figure sur les documents." : "Ne figure pas sur les documents."}</p>
        </Card>
      </div>
    </>
  );
}

async function DoctorProfile({ access, view, outcome }: { access: PracticeAccess; view: ProfileView; outcome: string | string[] | undefined }) {
  const p = view.profile;
  const [link, signature, twoFactorOn, payconiqQr] = await Promise.all([
    findEsanteLink(access.doctor.id),
    findSignature(access.doctor),
    hasTwoFactor(access.doctor.id),
    p.payconiqMerchantId ? payconiqQrSvg(payconiqPaymentLink(p.payconiqMerchantId, SAMPLE_INVOICE)) : null,
  ]);
  const esanteMessage = isEsanteOutcome(outcome) ? ESANTE_OUTCOMES[outcome] : null;
  return (
    <>
      <DetailsAndStamp
        initial={detailsValues(view)}
        saveAction={saveDetailsAction}
        stampShown={p.stampOnDocuments}
        toggleAction={setShownOnDocumentsAction}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Courriel">
          <EmailChangeForm email={view.email} action={requestEmailChangeAction} />
        </Card>
        <Card title="Coordonnées bancaires">
          <BankForm iban={p.iban && formatIban(p.iban)} ibanHolder={p.ibanHolder} action={saveBankAction} />
        </Card>
      </div>
      <Card title="Sécurité du compte">
        <AccountSecurity twoFactorOn={twoFactorOn} />
      </Card>
      <Card title="Paiements et services externes">
        <PayconiqForm
          merchantId={p.payconiqMerchantId}
          qrSvg={payconiqQr}
          sampleAmount={formatCents(SAMPLE_INVOICE.amountCents)}
          action={savePayconiqAction}
        />
      </Card>
      <div id="esante" className="scroll-mt-6">
        <Card title="eSanté">
          <div className="space-y-4">
            {esanteMessage && <Alert tone={esanteMessage.tone === "success" ? "info" : esanteMessage.tone}>{esanteMessage.text}</Alert>}
            <EsanteCard
              configured={esanteConfigured()}
              link={link ? { name: link.displayName ?? "Identité eSanté", subject: link.subject, since: formatDateTime(link.linkedAt) } : null}
              connectAction={startEsanteLinkAction}
              disconnectAction={unlinkEsanteAction}
              supportEmail={supportEmail()}
            />
          </div>
        </Card>
      </div>
      <Card title="Signature">
        <SignatureCard
          signature={
            signature ? { version: signature.uploadedAt.getTime(), width: signature.width, height: signature.height, opaque: signature.opaque } : null
          }
          shown={p.signatureOnDocuments}
          deleteAction={deleteSignatureAction}
          toggleAction={setShownOnDocumentsAction}
        />
      </Card>
      <Card title="Secrétariat">
        <AttachedSecretaries secretaries={await listAttachedSecretaries(access.doctor.id)} detachAction={detachSecretaryAction} />
      </Card>
    </>
  );
}
