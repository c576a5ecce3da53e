import { expect, type APIRequestContext } from "@playwright/test";

export type Mail = { subject: string; text: string; attachments: { filename: string; content: string }[] };

/** Texts (and attached files) of the messages sent to `to`, newest first, read back from the outbox (/dev/mailbox). */
export async function mailsTo(request: APIRequestContext, to: string): Promise<Mail[]> {
  const html = await (await request.get(`/dev/mailbox?a=${encodeURIComponent(to)}`)).text();
  const articles = html.split("<article").slice(1);
  return articles.map((a) => ({
    subject: decode(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(a)?.[1] ?? ""),
    text: decode(/<pre[^>]*data-testid="mail-text"[^>]*>([\s\S]*?)<\/pre>/.exec(a)?.[1] ?? ""),
    attachments: [...a.matchAll(/<pre[^>]*data-testid="mail-attachment" data-filename="([^"]*)"[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => ({
      filename: decode(m[1]!),
      content: decode(m[2]!),
    })),
  }));
}

function decode(s: string): string {
  return s
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Waits (the expect timeout, longer on CI) for a message whose subject contains `subject`; returns the newest. */
export async function waitForMail(request: APIRequestContext, to: string, subject: string, count = 1) {
  let found: Mail[] = [];
  await expect
    .poll(async () => {
      found = (await mailsTo(request, to)).filter((m) => m.subject.includes(subject));
      return found.length;
    })
    .toBeGreaterThanOrEqual(count);
  return found[0]!;
}
