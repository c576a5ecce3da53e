import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { devMailboxEnabled } from "@/lib/config/email";
import { formatDateTime } from "@/lib/format/datetime";
import { listOutbox } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Boîte de réception de démonstration" };

// The demo's mailbox: every message the app would have sent, so a person trying Doctipro can read
// codes and links. Open on the embedded demo, closed with DATABASE_URL unless DEV_MAILBOX=1 (the
// browser tests); server.ts warns at start-up whenever a production build has it open.
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ a?: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { a } = await searchParams;
  const to = typeof a === "string" && a.length <= 320 ? a : undefined;
  const messages = await listOutbox(to);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Boîte de réception de démonstration</h1>
        <p className="text-sm text-slate-600">
          Les courriels que Doctipro aurait envoyés{to ? ` à ${to}` : ""}, du plus récent au plus ancien. Cette page
          n&apos;est ouverte que sur une installation de démonstration ou de test : quiconque l&apos;atteint y lit les
          codes de connexion et les liens envoyés.
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
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
