"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

// A support action that succeeds often removes its own form (« Débloquer » once the account is
// active, « Fermer les sessions » once none is left): its confirmation is kept here, above the
// actions, so it outlives the form. It lives in the page's client tree, which the revalidation after
// the action keeps.

const Context = createContext<((message: string) => void) | null>(null);

export function ActionOutcome({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Context.Provider value={setMessage}>
      <div className="space-y-6">
        {message && <Alert tone="info">{message}</Alert>}
        {children}
      </div>
    </Context.Provider>
  );
}

/** Where a form reports its success; null outside ActionOutcome (the form shows it itself). */
export function useActionOutcome() {
  return useContext(Context);
}
