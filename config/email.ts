// Email settings (read here so config/env.ts stays about the runtime).

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
 * Who may read /dev/mailbox, the outbox in a page: DEV_MAILBOX=1 opens it to anyone (the browser
 * tests, a demo shown from another machine), any other value closes it. Unset, it is closed on a
 * server that sends real email (RESEND_API_KEY) or runs on PostgreSQL, and open only to this
 * machine on the embedded default: a small practice may well run that for real, and its sign-in
 * codes and reset links must not be readable from the network.
 */
export type DevMailboxAudience = "anyone" | "loopback" | "nobody";

export function devMailboxAudience(): DevMailboxAudience {
  if (process.env.DEV_MAILBOX) return process.env.DEV_MAILBOX === "1" ? "anyone" : "nobody";
  if (resendApiKey() || process.env.DATABASE_URL) return "nobody";
  return "loopback";
}

/**
 * The start-up notice for a production build whose /dev/mailbox is open: to anyone, it publishes
 * every sign-in code and reset link, allowed for tests and demos but never silently; to this
 * machine, a reverse proxy here must say so (X-Forwarded-For) or it opens it to everyone it
 * serves. Null when there is nothing to say.
 */
export function publicMailboxWarning(): string | null {
  if (process.env.NODE_ENV !== "production") return null;
  switch (devMailboxAudience()) {
    case "anyone":
      return "/dev/mailbox IS PUBLIC on this production build (DEV_MAILBOX=1): anyone who can reach this server reads every email of the outbox there, sign-in codes and password reset links included. Unset DEV_MAILBOX unless this is a test or demo install.";
    case "loopback":
      return "/dev/mailbox is open to this machine only (no RESEND_API_KEY, embedded database): a reverse proxy on this machine must send X-Forwarded-For or Forwarded, or the page is open to everyone it serves. Set DEV_MAILBOX=0 to close it.";
    case "nobody":
      return null;
  }
}

/**
 * The domain of the calendar invitations' UIDs (« <random>@doctipro.lu »). Fixed rather than taken
 * from APP_URL: a UID must never change, or calendars would keep the old event beside the new.
 */
export function calendarUidDomain(): string {
  return process.env.CALENDAR_UID_DOMAIN || "doctipro.lu";
}
