"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import type { CertificateValues } from "@/lib/documents/form-values";
import { CERTIFICATE_KINDS, CERTIFICATE_WITH_PERIOD, type CertificateKind } from "@/lib/documents/schema";
import { FormFooter } from "./form-parts";
import { useDocumentForm, type DocumentFormProps } from "./use-document-form";

type Props = DocumentFormProps<CertificateValues>;

const OPTIONS = Object.entries(CERTIFICATE_KINDS).map(([value, label]) => ({ value, label }));

/** « Attestation »: a kind (sick note, attendance…), the period it covers, free text. */
export function CertificateForm({ action, initial, replaces, cancelHref }: Props) {
  const { state, errors, pending, formProps } = useDocumentForm("certificate", action);
  const [kind, setKind] = useState<CertificateKind>(initial.certificateKind);
  const needsPeriod = CERTIFICATE_WITH_PERIOD.includes(kind);
  return (
    <form {...formProps} className="space-y-5" aria-label="Nouvelle attestation">
      {replaces && <input type="hidden" name="replaces" value={replaces.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Type d'attestation"
          name="certificateKind"
          id="certificate-kind"
          options={OPTIONS}
          value={kind}
          onChange={(e) => setKind(e.target.value as CertificateKind)}
          error={errors.certificateKind}
        />
        <Field
          label="Date de l'attestation"
          name="issuedOn"
          id="certificate-issuedOn"
          type="date"
          defaultValue={initial.issuedOn}
          error={errors.issuedOn}
        />
        <Field
          label={needsPeriod ? "Du (premier jour)" : "Du (facultatif)"}
          name="periodFrom"
          id="certificate-periodFrom"
          type="date"
          defaultValue={initial.periodFrom}
          error={errors.periodFrom}
        />
        <Field
          label={needsPeriod ? "Au (dernier jour inclus)" : "Au (facultatif)"}
          name="periodTo"
          id="certificate-periodTo"
          type="date"
          defaultValue={initial.periodTo}
          error={errors.periodTo}
        />
      </div>
      <TextArea
        label="Texte"
        hint={kind === "autre" ? "obligatoire" : "facultatif, imprimé sous la formule"}
        name="body"
        id="certificate-body"
        rows={4}
        defaultValue={initial.body}
        error={errors.body}
      />
      <FormFooter
        state={state}
        pending={pending}
        submitLabel="Établir l'attestation"
        replacesNumber={replaces?.number ?? null}
        cancelHref={cancelHref}
      />
    </form>
  );
}
