"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/forms/form-state";
import { FormFeedback } from "./form-feedback";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Props = {
  configured: boolean;
  /** The linked identity, with the date already formatted; null while not linked. */
  link: { name: string; subject: string; since: string } | null;
  connectAction: Action;
  disconnectAction: Action;
  supportEmail: string;
};

/** eSanté: orange until linked through LuxTrust, green once linked. */
export function EsanteCard({ configured, link, connectAction, disconnectAction, supportEmail }: Props) {
  const [connectState, connect, connecting] = useActionState(connectAction, IDLE);
  const [disconnectState, disconnect, disconnecting] = useActionState(disconnectAction, IDLE);
  const [explained, setExplained] = useState(false);

  if (link) {
    return (
      <div className="space-y-4">
        <div role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          <p className="font-semibold">eSanté connecté</p>
          <p>
            Identité liée : <span className="font-medium">{link.name}</span> <span className="text-green-800">({link.subject})</span>, depuis le{" "}
            {link.since}.
          </p>
        </div>
        <form action={disconnect} className="space-y-3">
          <FormFeedback state={disconnectState} />
          <Button type="submit" variant="secondary" pending={disconnecting}>
            Déconnecter
          </Button>
        </form>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div role="status" className="rounded-md border border-orange-300 bg-orange-50 px-4 py-3 text-sm text-orange-900">
        <p className="font-semibold">eSanté non connecté</p>
        <p>Connectez votre compte pour synchroniser Doctipro avec les services eSanté. Votre carte LuxTrust vous sera demandée.</p>
      </div>
      {configured ? (
        <form action={connect} className="space-y-3">
          <FormFeedback state={disconnectState.status === "success" ? disconnectState : connectState} />
          <button
            type="submit"
            disabled={connecting}
            className="inline-flex items-center gap-2 rounded-md bg-blue-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-blue-700 disabled:cursor-not-allowed disabled:bg-blue-600/60"
          >
            Connecter via LuxTrust
          </button>
        </form>
      ) : (
        <div className="space-y-3">
          <button
            type="button"
            aria-describedby={explained ? "esante-not-configured" : undefined}
            onClick={() => setExplained(true)}
            className="inline-flex items-center gap-2 rounded-md bg-blue-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-blue-700"
          >
            Connecter via LuxTrust
          </button>
          {explained && (
            <div id="esante-not-configured">
              <Alert tone="warning">
                La connexion eSanté n&apos;est pas configurée sur cette installation de Doctipro : le fournisseur d&apos;identité eSanté (LuxTrust)
                n&apos;y a pas été renseigné. Contactez le support ({supportEmail}).
              </Alert>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
