import "server-only";
import { smsOutbox } from "@/db/schema";
import type { Database } from "@/lib/db";

/**
 * The one way the app sends a text message. Today the only channel writes sms_outbox (as
 * email_outbox stands in for Resend); a provider plugs in as another SmsChannel chosen in
 * `smsChannel()`, and nothing that sends has to change.
 */
export type SmsChannel = {
  /**
   * Sends `text` to `to` (E.164) and throws when it did not go out (the job worker retries).
   * `db` is the worker's claiming transaction; `idempotencyKey` makes a second run send nothing.
   */
  send(db: Database, sms: { to: string; text: string; idempotencyKey: string }): Promise<void>;
};

const E164 = /^\+[1-9][0-9]{6,14}$/;

/** Whether a stored phone can take a text message: files store E.164 (lib/patients/phone.ts). */
export function isE164(phone: string | null | undefined): phone is string {
  return typeof phone === "string" && E164.test(phone);
}

export const outboxChannel: SmsChannel = {
  async send(db, sms) {
    if (!isE164(sms.to)) throw new Error("sms: the number is not in E.164");
    await db
      .insert(smsOutbox)
      .values({ toNumber: sms.to, text: sms.text, idempotencyKey: sms.idempotencyKey })
      .onConflictDoNothing({ target: smsOutbox.idempotencyKey });
  },
};

export function smsChannel(): SmsChannel {
  return outboxChannel;
}
