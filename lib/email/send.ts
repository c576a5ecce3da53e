import "server-only";
import { Resend } from "resend";
import { emailOutbox } from "@/db/schema";
import { emailFrom, resendApiKey } from "@/config/email";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/log";
import type { EmailMessage } from "./templates";

let resend: Resend | undefined;

/**
 * The one way the app sends email: through Resend when RESEND_API_KEY is set, otherwise into the
 * email_outbox table (demo and tests read it at /dev/mailbox). Failures are logged, never shown
 * to the person: an email that cannot go out must not tell an attacker anything.
 */
export async function sendEmail(to: string, message: EmailMessage): Promise<void> {
  const key = resendApiKey();
  try {
    if (!key) {
      await getDb().insert(emailOutbox).values({ toAddress: to, subject: message.subject, text: message.text, html: message.html });
      return;
    }
    resend ??= new Resend(key);
    const { error } = await resend.emails.send({ from: emailFrom(), to, subject: message.subject, text: message.text, html: message.html });
    if (error) logger.error({ err: error.name }, "email not sent");
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : "unknown" }, "email not sent");
  }
}
