import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { devMailboxAudience } from "@/config/email";
import { devMailboxOpenTo } from "@/lib/email/dev-mailbox";
import { formatDateTime } from "@/lib/format/datetime";
import { listOutbox } from "@/lib/email/outbox";
import { FORWARDED_MARK_HEADER, SOCKET_IP_HEADER } from "@/lib/http/client-ip";

export const metadata: Metadata = { title: "Boîte de réception de démonstration" };

// The demo's mailbox: every message the app would have sent, so a person trying Doctipro can read
// codes and links. On the embedded default only from the server's own machine, never once a real
// sender is configured; DEV_MAILBOX=1 opens it to anyone (the browser tests, remote demos).
// config/email.ts says who; server.ts notes it at start-up.
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ a?: string }> }) {
  const audience = devMailboxAudience();
  const h = await headers();
  if (!devMailboxOpenTo(audience, { socketIp: h.get(SOCKET_IP_HEADER), forwardedMark: h.get(FORWARDED_MARK_HEADER) })) notFound();
  const { a } = await searchParams;
  const to = typeof a === "string" && a.length <= 320 ? a : undefined;
  const messages = await listOutbox(to);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Boîte de réception de démonstration</h1>
        <p className="text-sm text-slate-600">
          Les courriels que Doctipro aurait envoyés{to ? ` à ${to}` : ""}, du plus récent au plus ancien.{" "}
          {audience === "anyone"
            ? "Cette page est ouverte à tous (installation de test ou de démonstration) : quiconque l'atteint y lit les codes de connexion et les liens envoyés."
            : "Cette page ne s'ouvre que depuis l'ordinateur qui héberge Doctipro, et seulement tant qu'aucun service d'envoi de courriels n'est configuré : elle montre les codes de connexion et les liens envoyés."}
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">Aucun message.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((m) => (
            <li key={m.id}>
              <article className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label={m.subject}>
                <h2 className="font-semibold text-slate-900">{m.subject}</h2>
                <p className="text-xs text-slate-500">
                  À <span data-testid="mail-to">{m.toAddress}</span> · {formatDateTime(m.createdAt)}
                </p>
                <pre data-testid="mail-text" className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
                  {m.text}
                </pre>
                {m.attachments.map((file, i) => (
                  <details key={i} className="mt-3 text-sm">
                    <summary className="cursor-pointer text-slate-700">Pièce jointe : {file.filename}</summary>
                    <pre data-testid="mail-attachment" data-filename={file.filename} className="mt-2 overflow-x-auto text-xs text-slate-700">
                      {file.content}
                    </pre>
                  </details>
                ))}
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
