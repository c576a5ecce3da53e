import "server-only";
import { appUrl } from "@/config/email";
import { cancellationDeadline, createCancelLink } from "@/lib/booking/cancel-links";
import { deliverEmail } from "@/lib/email/send";
import { smsChannel, isE164 } from "@/lib/sms/send";
import { cancelledEmail, confirmationEmail, movedEmail, reminderEmail, reminderSms, resizedEmail } from "../messages";
import { appointmentInvitation, loadAppointmentFacts, type AppointmentFacts } from "./appointment-facts";
import type { ClaimedJob, JobHandler } from "./context";

// Confirmation, reminder, « modifié » and « annulé »: each reads the appointment as it is when the job runs, and
// sends with the job's id as idempotency key (lib/email/send.ts, lib/sms/send.ts).

export const emailKey = (job: ClaimedJob) => `job-${job.id}-email`;

async function factsOf(db: Parameters<JobHandler>[0]["db"], job: ClaimedJob): Promise<AppointmentFacts | null> {
  // The appointment was deleted with its patient (the job row goes with it, by cascade, normally).
  return job.appointmentId ? loadAppointmentFacts(db, job.appointmentId) : null;
}

/**
 * The online booking's confirmation: the invitation (METHOD:REQUEST) and a cancel link made now,
 * in this transaction (a retried job makes a new one; the unsent one's hash is never used).
 */
export const sendConfirmation: JobHandler = async ({ db, job, now }) => {
  const facts = await factsOf(db, job);
  // Cancelled before the worker got to it: the cancellation notice says so instead.
  if (!facts?.email || facts.status !== "booked") return;
  const token = await createCancelLink(db, facts.id, now);
  const cancel = token ? { token, until: cancellationDeadline(facts.startsAt, facts.cancellationDeadlineHours) } : null;
  await deliverEmail(db, facts.email, confirmationEmail(facts, cancel, appointmentInvitation(facts, "REQUEST", facts.email)), {
    idempotencyKey: emailKey(job),
  });
};

export const sendReminder: JobHandler = async ({ db, job, now }) => {
  const facts = await factsOf(db, job);
  // A cancelled or already-seen appointment needs no reminder; a moved one got a new job.
  if (!facts || facts.status !== "booked" || facts.startsAt <= now) return;
  if (facts.email) await deliverEmail(db, facts.email, reminderEmail(facts), { idempotencyKey: emailKey(job) });
  if (isE164(facts.phone)) await smsChannel().send(db, { to: facts.phone, text: reminderSms(facts), idempotencyKey: `job-${job.id}-sms` });
};

export const sendMoved: JobHandler = async ({ db, job }) => {
  const facts = await factsOf(db, job);
  // Cancelled since: the cancellation notice (its own job) says what matters.
  if (!facts?.email || facts.status === "cancelled") return;
  const invitation = appointmentInvitation(facts, "REQUEST", facts.email);
  // A resize (payload.change "duration") keeps the start: the email says the end changed.
  const email = job.payload.change === "duration" ? resizedEmail(facts, invitation) : movedEmail(facts, invitation);
  await deliverEmail(db, facts.email, email, { idempotencyKey: emailKey(job) });
};

export const sendCancelled: JobHandler = async ({ db, job }) => {
  const facts = await factsOf(db, job);
  if (!facts?.email || facts.status !== "cancelled") return;
  const bookAgain = facts.slug ? `${appUrl()}/rdv/${facts.slug}` : null;
  await deliverEmail(db, facts.email, cancelledEmail(facts, appointmentInvitation(facts, "CANCEL", facts.email), bookAgain), {
    idempotencyKey: emailKey(job),
  });
};
