import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { appUrl } from "@/config/email";
import { appointments, waitlistEntries } from "@/db/schema";
import { checkBookableTime } from "@/lib/booking/availability";
import { deliverEmail } from "@/lib/email/send";
import { isUuid } from "@/lib/forms/ids";
import { waitlistOfferEmail } from "../messages";
import { loadAppointmentFacts } from "./appointment-facts";
import type { JobHandler } from "./context";

// « Me prévenir si un créneau se libère plus tôt »: a cancellation freed a time (the payload);
// every patient waiting with a later appointment of that doctor and motif is told at once, if the
// time is still one the public page offers (online rules, notice, not retaken meanwhile). The first
// to book it gets it: the exclusion constraint decides, as for any booking.

export const sendWaitlistOffers: JobHandler = async ({ db, job, now }) => {
  const { doctorId, visitReasonId, startsAt } = job.payload as { doctorId?: unknown; visitReasonId?: unknown; startsAt?: unknown };
  if (typeof doctorId !== "string" || !isUuid(doctorId) || typeof visitReasonId !== "string" || !isUuid(visitReasonId)) return;
  const freed = new Date(typeof startsAt === "string" ? startsAt : Number.NaN);
  if (Number.isNaN(freed.getTime())) return;

  const bookable = await checkBookableTime(db, { doctorId, visitReasonId, startsAt: freed, newPatient: false, now });
  if (bookable.kind !== "ok") return;

  const waiting = await db
    .select({ appointmentId: appointments.id })
    .from(waitlistEntries)
    .innerJoin(appointments, eq(appointments.id, waitlistEntries.appointmentId))
    .where(
      and(
        eq(appointments.doctorId, doctorId),
        eq(appointments.visitReasonId, visitReasonId),
        eq(appointments.status, "booked"),
        gt(appointments.startsAt, freed),
      ),
    )
    .orderBy(waitlistEntries.createdAt);
  for (const { appointmentId } of waiting) {
    const facts = await loadAppointmentFacts(db, appointmentId);
    if (!facts?.email || !facts.slug) continue;
    const bookUrl = `${appUrl()}/rdv/${facts.slug}/reserver?motif=${visitReasonId}&debut=${encodeURIComponent(freed.toISOString())}`;
    await deliverEmail(db, facts.email, waitlistOfferEmail(facts, freed, bookUrl), { idempotencyKey: `job-${job.id}-${appointmentId}` });
  }
};
