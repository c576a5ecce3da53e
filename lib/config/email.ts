// Email settings (read here so lib/config/env.ts stays about the runtime).

export function resendApiKey(): string | undefined {
  return process.env.RESEND_API_KEY || undefined;
}

export function emailFrom(): string {
  return process.env.EMAIL_FROM || "Doctipro <no-reply@doctipro.lu>";
}

/** The public address of the app, for links in emails. */
export function appUrl(): string {
  return (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

/** /dev/mailbox shows the outbox: on by default for the embedded demo, never in production unless asked. */
export function devMailboxEnabled(): boolean {
  if (process.env.DEV_MAILBOX) return process.env.DEV_MAILBOX === "1";
  return !process.env.DATABASE_URL;
}
