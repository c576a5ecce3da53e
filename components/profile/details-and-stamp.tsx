"use client";

import { useEffect, useRef } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { FormState } from "@/lib/forms/form-state";
import { TITLES } from "@/lib/profile/formats";
import { DocumentsToggle } from "./documents-toggle";
import { FormFeedback } from "./form-feedback";
import { type DetailsValues } from "./stamp-data";
import { StampPreview } from "./stamp-preview";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Props = { initial: DetailsValues; saveAction: Action; stampShown: boolean; toggleAction: Action };

const TITLE_OPTIONS = [{ value: "", label: "—" }, ...TITLES.map((t) => ({ value: t, label: t }))];

const loadSchema = () => import("@/lib/profile/schema").then((m) => m.profileDetailsSchema);

/** « Coordonnées » and the « Cachet » drawn from them: the stamp follows every keystroke. */
export function DetailsAndStamp({ initial, saveAction, stampShown, toggleAction }: Props) {
  const { state, pending, error, field, formProps, control, reset } = useCheckedForm(saveAction, loadSchema, initial);
  const values = useWatch({ control }) as DetailsValues;

  // After a save the page sends the details as stored (e.g. « L-1234 » for « 1234 »): show those.
  const saved = JSON.stringify(initial);
  const lastSaved = useRef(saved);
  useEffect(() => {
    if (lastSaved.current === saved) return;
    lastSaved.current = saved;
    reset(JSON.parse(saved) as DetailsValues);
  }, [saved, reset]);

  const input = (name: keyof DetailsValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} {...field(name)} error={error(name)} {...extra} />
  );

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <Card title="Coordonnées">
        <form {...formProps} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-[7rem_1fr_1fr]">
            <SelectField label="Titre" {...field("title")} options={TITLE_OPTIONS} error={error("title")} />
            {input("firstName", "Prénom", { autoComplete: "given-name" })}
            {input("lastName", "Nom", { autoComplete: "family-name" })}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("specialty", "Spécialité")}
            {input("providerCode", "Code prestataire", { placeholder: "123456-78", inputMode: "numeric" })}
          </div>
          <fieldset className="space-y-4">
            <legend className="mb-2 text-sm font-semibold text-slate-900">Adresse du cabinet</legend>
            {input("street", "Rue et numéro", { autoComplete: "address-line1" })}
            <div className="grid gap-4 sm:grid-cols-[11rem_1fr]">
              {input("postcode", "Code postal", { placeholder: "L-1234", autoComplete: "postal-code" })}
              {input("locality", "Localité", { autoComplete: "address-level2" })}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            {input("phone", "Téléphone", { type: "tel", autoComplete: "tel", placeholder: "+352 26 12 34 56" })}
            {input("fax", "Fax", { type: "tel" })}
          </div>
          {input("website", "Site internet", { inputMode: "url", placeholder: "www.cabinet.lu" })}
          <FormFeedback state={state} />
          <Button type="submit" pending={pending}>
            {pending ? "Enregistrement…" : "Enregistrer les coordonnées"}
          </Button>
        </form>
      </Card>
      <Card title="Cachet" className="self-start">
        <p className="mb-4 text-sm text-slate-600">
          Généré à partir de vos coordonnées : l&apos;aperçu suit vos modifications. Vérifiez-le, puis enregistrez.
        </p>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start xl:flex-col">
          <StampPreview values={values} />
          <DocumentsToggle what="stamp" shown={stampShown} action={toggleAction} />
        </div>
      </Card>
    </div>
  );
}
