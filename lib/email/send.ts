import "server-only";
import { Resend } from "resend";
import { emailOutbox } from "@/db/schema";
import { emailFrom, resendApiKey } from "@/config/email";
import { getDb, type Database } from "@/lib/db";
import { logger } from "@/lib/log";
import type { EmailMessage } from "./templates";

let resend: Resend | undefined;

/**
 * The one way the app sends email: through Resend when RESEND_API_KEY is set, otherwise into the
 * email_outbox table (demo and tests read it at /dev/mailbox). Failures are logged, never shown
 * to the person: an email that cannot go out must not tell an attacker anything.
 */
export async function sendEmail(to: string, message: EmailMessage): Promise<void> {
  try {
    await deliverEmail(getDb(), to, message);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : "unknown" }, "email not sent");
  }
}

/**
 * Sends one email and throws when it did not go out, for the job worker (lib/jobs), which retries.
 * `db` is the worker's claiming transaction: the outbox row commits with the job marked done, and
 * `idempotencyKey` makes a second run of the same job write nothing (a unique column) and send
 * nothing (Resend's Idempotency-Key header), whatever happened between sending and committing.
 */
export async function deliverEmail(db: Database, to: string, message: EmailMessage, options: { idempotencyKey?: string } = {}): Promise<void> {
  const key = resendApiKey();
  const attachments = message.attachments ?? [];
  if (!key) {
    await db
      .insert(emailOutbox)
      .values({
        toAddress: to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments,
        idempotencyKey: options.idempotencyKey ?? null,
      })
      .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
    return;
  }
  resend ??= new Resend(key);
  const { error } = await resend.emails.send(
    {
      from: emailFrom(),
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(attachments.length
        ? { attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, "utf8") })) }
        : {}),
    },
    options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : undefined,
  );
  if (error) throw new Error(`email not sent: ${error.name}`);
}
