"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The recovery codes, shown once, with copy, print and download as text. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Codes de secours Doctipro (chaque code ne sert qu'une fois)\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "doctipro-codes-de-secours.txt";
    a.click();
    // Revoked once the browser has started the download, not before.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="recovery-codes space-y-3" data-print-only-this>
      <p className="hidden print:block print:text-lg print:font-semibold">Codes de secours Doctipro</p>
      <p className="text-sm text-slate-700">
        Conservez ces codes de secours en lieu sûr : chacun permet une connexion si vous n&apos;avez plus accès à votre application. Ils ne seront
        plus affichés.
      </p>
      <ul aria-label="Codes de secours" className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-4 font-mono text-sm">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2 print:hidden">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
        >
          {copied ? "Copiés" : "Copier les codes"}
        </Button>
        <Button type="button" variant="secondary" onClick={download}>
          Télécharger (.txt)
        </Button>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          Imprimer
        </Button>
      </div>
    </div>
  );
}
