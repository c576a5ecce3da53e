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

/**
 * /dev/mailbox shows the outbox: on by default for the embedded demo, off with DATABASE_URL unless
 * DEV_MAILBOX=1 asks for it (the browser tests run production builds that way).
 */
export function devMailboxEnabled(): boolean {
  if (process.env.DEV_MAILBOX) return process.env.DEV_MAILBOX === "1";
  return !process.env.DATABASE_URL;
}

/**
 * The start-up warning for a production build whose /dev/mailbox is open: anyone who reaches the
 * server reads every sign-in code and reset link there. Allowed, since the browser tests and the
 * embedded demo need it, but never silently. Null when there is nothing to warn about.
 */
export function publicMailboxWarning(): string | null {
  if (process.env.NODE_ENV !== "production" || !devMailboxEnabled()) return null;
  const why = process.env.DEV_MAILBOX === "1" ? "DEV_MAILBOX=1" : "the embedded demo's default (no DATABASE_URL)";
  return `/dev/mailbox IS PUBLIC on this production build (${why}): anyone who can reach this server reads every email of the outbox there, sign-in codes and password reset links included. Set DEV_MAILBOX=0 unless this is a test or demo install.`;
}
