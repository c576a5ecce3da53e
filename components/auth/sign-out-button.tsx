"use client";

import { useTransition } from "react";

type Props = { action: () => Promise<string>; className?: string; role?: string };

/**
 * Ends the session on the server, then leaves with a full page load, so no page of the signed-in
 * app stays in the client router's memory for the back button.
 */
export function SignOutButton({ action, className = "", role }: Props) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      role={role}
      className={className}
      disabled={pending}
      onClick={() =>
        start(async () => {
          const next = await action();
          window.location.assign(next);
        })
      }
    >
      {pending ? "Déconnexion…" : "Se déconnecter"}
    </button>
  );
}
