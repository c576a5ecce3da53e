"use client";

import QRCode from "qrcode";
import { startTransition, useActionState, useEffect, useState, type BaseSyntheticEvent } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatCents } from "@/lib/format/money";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { payconiqMerchantIdField, payconiqPaymentLink, SAMPLE_INVOICE } from "@/lib/payments/payconiq";
import { payconiqSchema } from "@/lib/profile/schema";
import { FormFeedback } from "./form-feedback";

type Props = { merchantId: string | null; action: (state: FormState, formData: FormData) => Promise<FormState> };

/** « ID Marchand Payconiq », with the QR code an invoice would carry, drawn as the id is typed. */
export function PayconiqForm({ merchantId, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<z.input<typeof payconiqSchema>, unknown, z.output<typeof payconiqSchema>>({
    resolver: zodResolver(payconiqSchema),
    defaultValues: { payconiqMerchantId: merchantId ?? "" },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const typed = useWatch({ control, name: "payconiqMerchantId" });
  const parsed = payconiqMerchantIdField.safeParse(typed ?? "");
  const link = parsed.success && parsed.data ? payconiqPaymentLink(parsed.data, SAMPLE_INVOICE) : null;
  const [qr, setQr] = useState<{ link: string; svg: string } | null>(null);
  useEffect(() => {
    if (!link) return;
    let current = true;
    void QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 }).then((svg) => {
      if (current) setQr({ link, svg });
    });
    return () => {
      current = false;
    };
  }, [link]);

  const onValid = (_: unknown, event?: BaseSyntheticEvent) => {
    const form = event?.target as HTMLFormElement;
    startTransition(() => formAction(new FormData(form)));
  };
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_12rem]">
      <form action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-4">
        <p className="text-sm text-slate-700">
          Saisissez l&apos;identifiant fourni par Payconiq pour activer le paiement mobile : un QR code figurera sur vos factures.
        </p>
        <Field
          label="ID Marchand Payconiq"
          autoComplete="off"
          spellCheck={false}
          placeholder="24 caractères, ex. 5c8a7b2e9f1d4a0012ab34cd"
          className="font-mono"
          error={errors.payconiqMerchantId?.message ?? state.fieldErrors?.payconiqMerchantId}
          {...register("payconiqMerchantId")}
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
            alt="QR code de paiement Payconiq de la facture exemple"
            data-testid="payconiq-qr"
            data-link={link}
            className="size-48 rounded border border-slate-200 bg-white"
          />
        ) : (
          <div className="flex size-48 items-center justify-center rounded border border-dashed border-slate-300 p-4 text-center text-xs text-slate-500">
            Le QR code apparaît ici avec un ID Marchand valide.
          </div>
        )}
        <figcaption className="text-xs text-slate-600">
          Exemple : facture <span className="whitespace-nowrap">{SAMPLE_INVOICE.reference}</span>, {formatCents(SAMPLE_INVOICE.amountCents)}.
        </figcaption>
      </figure>
    </div>
  );
}
