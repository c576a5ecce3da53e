"use client";

import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { FormState } from "@/lib/forms/form-state";
import { merchantIdAsSaved, payconiqPaymentLink, SAMPLE_INVOICE } from "@/lib/payments/payconiq";
import { FormFeedback } from "./form-feedback";

type Props = {
  merchantId: string | null;
  /** The QR code of the saved id's sample invoice, drawn by the page; null without an id. */
  qrSvg: string | null;
  /** The sample invoice's amount, formatted by the page: Intl's currency data would cost a phone ~50 ms to load. */
  sampleAmount: string;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

const loadSchema = () => import("@/lib/profile/schema").then((m) => m.payconiqSchema);

const linkOf = (typed: string) => {
  const id = merchantIdAsSaved(typed);
  return id ? payconiqPaymentLink(id, SAMPLE_INVOICE) : null;
};

/** « ID Marchand Payconiq », with the QR code an invoice would carry, drawn as the id is typed. */
export function PayconiqForm({ merchantId, qrSvg, sampleAmount, action }: Props) {
  const { state, pending, error, field, formProps, control } = useCheckedForm(action, loadSchema, { payconiqMerchantId: merchantId ?? "" });
  const typed = useWatch({ control, name: "payconiqMerchantId" });
  const link = linkOf(typed ?? "");
  const [qr, setQr] = useState(() => {
    const saved = linkOf(merchantId ?? "");
    return saved && qrSvg ? { link: saved, svg: qrSvg } : null;
  });
  const drawn = qr?.link;
  useEffect(() => {
    if (!link || link === drawn) return;
    let current = true;
    // The QR encoder is fetched when an id is typed, not with the page.
    void import("@/lib/payments/payconiq-qr")
      .then(({ payconiqQrSvg }) => payconiqQrSvg(link))
      .then((svg) => {
        if (current) setQr({ link, svg });
      });
    return () => {
      current = false;
    };
  }, [link, drawn]);

  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_12rem]">
      <form {...formProps} className="space-y-4">
        <p className="text-sm text-slate-700">
          Saisissez l&apos;identifiant fourni par Payconiq pour activer le paiement mobile : un code QR figurera sur vos mémoires d&apos;honoraires à
          payer.
        </p>
        <Field
          label="ID Marchand Payconiq"
          {...field("payconiqMerchantId")}
          autoComplete="off"
          spellCheck={false}
          placeholder="24 caractères, ex. 5c8a7b2e9f1d4a0012ab34cd"
          className="font-mono"
          error={error("payconiqMerchantId")}
        />
        <FormFeedback state={state} />
        <Button type="submit" pending={pending}>
          Enregistrer l&apos;ID Marchand
        </Button>
      </form>
      <figure className="space-y-2">
        {link && qr?.link === link ? (
          // eslint-disable-next-line @next/next/no-img-element -- a generated data: SVG
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`}
            alt="Code QR de paiement Payconiq du mémoire d'honoraires d'exemple"
            data-testid="payconiq-qr"
            data-link={link}
            className="size-48 rounded border border-slate-200 bg-white"
          />
        ) : (
          <div className="flex size-48 items-center justify-center rounded border border-dashed border-slate-300 p-4 text-center text-xs text-slate-500">
            Le code QR apparaît ici avec un ID Marchand valide.
          </div>
        )}
        <figcaption className="text-xs text-slate-600">
          Exemple : mémoire d&apos;honoraires <span className="whitespace-nowrap">{SAMPLE_INVOICE.reference}</span>, {sampleAmount}.
        </figcaption>
      </figure>
    </div>
  );
}
