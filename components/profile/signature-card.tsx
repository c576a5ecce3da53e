"use client";

import { useRouter } from "next/navigation";
import { useActionState, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { formatCount } from "@/lib/format/number";
import { SIGNATURE_LIMITS, SIGNATURE_MAX_BYTES, SIGNATURE_MESSAGES } from "@/lib/signature/rules";
import { DocumentsToggle } from "./documents-toggle";
import { FormFeedback } from "./form-feedback";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Props = {
  /** The stored signature; `version` changes with each upload so the preview is fetched again. */
  signature: { version: number; width: number; height: number; opaque: boolean } | null;
  shown: boolean;
  deleteAction: Action;
  toggleAction: Action;
};

const UPLOAD_URL = "/profile/signature";
const REFUSED: FormState = { status: "error", formError: "Action refusée : seul le médecin peut modifier sa signature." };

/** « Choisir un fichier », « Téléverser », the preview, and « Afficher sur les documents ». */
export function SignatureCard({ signature, shown, deleteAction, toggleAction }: Props) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const hydrated = useHydrated();
  const [upload, setUpload] = useState<FormState>(IDLE);
  const [uploading, setUploading] = useState(false);
  const [deleteState, remove, deleting] = useActionState(deleteAction, IDLE);

  const send = async () => {
    if (!file) return setUpload({ status: "error", fieldErrors: { file: "Choisissez d'abord un fichier." } });
    // The server checks again; this only spares sending a file that is certainly too large.
    if (file.size > SIGNATURE_MAX_BYTES) return setUpload({ status: "error", fieldErrors: { file: SIGNATURE_MESSAGES.tooLarge } });
    setUploading(true);
    try {
      const response = await fetch(UPLOAD_URL, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/octet-stream" },
        redirect: "manual",
      });
      const json = response.headers.get("content-type")?.includes("application/json");
      const state = json ? ((await response.json()) as FormState) : REFUSED;
      setUpload(state);
      if (state.status === "success") {
        setFile(null);
        if (input.current) input.current.value = "";
        router.refresh();
      }
    } catch {
      setUpload({ status: "error", formError: "Le téléversement a échoué (connexion interrompue ?). Réessayez." });
    } finally {
      setUploading(false);
    }
  };

  const fileError = upload.fieldErrors?.file;
  return (
    <div className="space-y-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-2">
          {signature ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the guarded route, never cached */}
              <img
                src={`${UPLOAD_URL}?v=${signature.version}`}
                alt="Votre signature"
                data-testid="signature-preview"
                className="max-h-32 max-w-full rounded border border-slate-200 bg-[repeating-conic-gradient(#f1f5f9_0%_25%,#fff_0%_50%)] bg-[length:16px_16px] p-2"
              />
              <p className="text-xs text-slate-600">
                {formatCount(signature.width)} × {formatCount(signature.height)} pixels
                {signature.opaque ? " · fond opaque : la signature masquera ce qui se trouve dessous" : " · fond transparent"}
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-600">Aucune signature enregistrée.</p>
          )}
        </div>
        <DocumentsToggle
          key={signature?.version ?? "none"}
          what="signature"
          shown={shown && Boolean(signature)}
          disabled={!signature}
          action={toggleAction}
        />
      </div>

      <div className="space-y-2">
        <p className="text-sm text-slate-700">Image PNG à fond transparent de préférence (JPEG accepté), {SIGNATURE_LIMITS}.</p>
        <div className="flex flex-wrap items-center gap-3">
          <input
            ref={input}
            id={inputId}
            type="file"
            accept="image/png,image/jpeg"
            className="sr-only"
            disabled={!hydrated}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${inputId}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setUpload(IDLE);
            }}
          />
          <label
            htmlFor={inputId}
            className="cursor-pointer rounded-md border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-within:ring-2"
          >
            Choisir un fichier
          </label>
          <span className="order-last w-full truncate text-sm text-slate-600 sm:order-none sm:w-auto sm:min-w-0 sm:flex-1" data-testid="chosen-file">
            {file ? file.name : "Aucun fichier choisi"}
          </span>
          <Button type="button" onClick={() => void send()} pending={uploading} disabled={!file}>
            Téléverser
          </Button>
        </div>
        {fileError && (
          <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
            {fileError}
          </p>
        )}
        <FormFeedback state={upload} />
      </div>

      {/* Outside the form: the confirmation stays once the signature (and its button) is gone. */}
      <FormFeedback state={deleteState} />
      {signature && (
        <form action={remove}>
          <Button type="submit" variant="secondary" pending={deleting}>
            Supprimer la signature
          </Button>
        </form>
      )}
    </div>
  );
}
