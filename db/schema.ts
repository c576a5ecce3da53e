import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { VISIT_REASON_COLOURS } from "./visit-reason-colours";

// Every timestamp is stored in UTC (timestamptz) and shown in Europe/Luxembourg by lib/format.
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const roleEnum = pgEnum("role", ["doctor", "secretary", "patient", "support"]);
export const doctorKindEnum = pgEnum("doctor_kind", ["medecin", "medecin_dentiste"]);
export const userStatusEnum = pgEnum("user_status", ["active", "blocked"]);
export const connectionModeEnum = pgEnum("connection_mode", ["direct", "secretary"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased (lib/auth/schema.ts normalises), so the unique index is case-insensitive.
    email: text("email").notNull().unique(),
    // Null until the person sets one (invitation); argon2id PHC string otherwise.
    passwordHash: text("password_hash"),
    role: roleEnum("role").notNull(),
    doctorKind: doctorKindEnum("doctor_kind"),
    title: text("title"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    specialty: text("specialty"),
    status: userStatusEnum("status").notNull().default("active"),
    blockedAt: at("blocked_at"),
    // Second-factor counters since the last successful sign-in (docs/decisions/0006): they belong to
    // the account, not to a sign-in attempt, so entering the password again gives no fresh tries.
    failedCodeAttempts: integer("failed_code_attempts").notNull().default(0),
    emailCodeRequests: integer("email_code_requests").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("users_doctor_kind_only_for_doctors", sql`(${t.role} = 'doctor') = (${t.doctorKind} IS NOT NULL)`),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_code_counters_bounded", sql`${t.failedCodeAttempts} BETWEEN 0 AND 3 AND ${t.emailCodeRequests} BETWEEN 0 AND 3`),
  ],
);

export const secretaryDoctors = pgTable(
  "secretary_doctors",
  {
    secretaryId: uuid("secretary_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.secretaryId, t.doctorId] }), index("secretary_doctors_doctor_idx").on(t.doctorId)],
);

// One row per signed-in browser. The Auth.js JWT only carries this id; a request is signed in only
// while the row is live, so revoking it signs the browser out (docs/decisions/0002).
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Set while a secretary works for one of her doctors.
    actingForDoctorId: uuid("acting_for_doctor_id").references(() => users.id, { onDelete: "set null" }),
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    index("sessions_user_live_idx")
      .on(t.userId)
      .where(sql`${t.revokedAt} IS NULL`),
  ],
);

// Every connection to an account: a direct sign-in, or a secretary starting to work for a doctor.
export const connectionLog = pgTable(
  "connection_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: at("at").notNull().defaultNow(),
    // The account connected to (the doctor, when a secretary works for one).
    accountId: uuid("account_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Who actually signed in (the secretary in "secretary" mode, the account itself otherwise).
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: connectionModeEnum("mode").notNull(),
    sessionId: uuid("session_id").references(() => sessions.id, { onDelete: "set null" }),
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull(),
  },
  (t) => [
    index("connection_log_account_at_idx").on(t.accountId, t.at.desc(), t.id.desc()),
    // The history filtered by mode walks this one instead of skipping the other mode's rows.
    index("connection_log_account_mode_at_idx").on(t.accountId, t.mode, t.at.desc(), t.id.desc()),
  ],
);

// Failed password counters, one row per key ("account:<email>" or "ip:<address>"); see
// lib/auth/throttle.ts for the delay they impose.
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: at("last_failure_at").notNull(),
});

// The authenticator-app secret of a user, encrypted (lib/twofactor/encryption.ts). Unconfirmed while
// the user is enrolling; two-factor authentication is on once confirmed_at is set.
export const twoFactor = pgTable("two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted").notNull(),
  confirmedAt: at("confirmed_at"),
  // The last accepted TOTP time step: a code is accepted once only.
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const verificationPurposeEnum = pgEnum("verification_purpose", [
  "sign_in_email_code",
  "recovery_code",
  "password_reset",
  "invitation",
  "email_change",
  // Proves a mailbox before an account exists (online booking's sign-up, issue 18): user_id is
  // null and email names the address. Added by ALTER TYPE: no migration may use the literal.
  "sign_up_email",
]);

// Every one-time code and token, stored as an HMAC (lib/twofactor/secret-hash.ts), never in clear.
export const verifications = pgTable(
  "verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null only for a code that proves a mailbox before any account exists (sign_up_email).
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The address a sign_up_email code was sent to (lower-cased); null for every other purpose. */
    email: text("email"),
    purpose: verificationPurposeEnum("purpose").notNull(),
    codeHash: text("code_hash").notNull(),
    /** Wrong guesses against this code, for purposes that count them per code (sign_up_email). */
    attempts: smallint("attempts").notNull().default(0),
    expiresAt: at("expires_at"),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("verifications_owner", sql`${t.userId} IS NOT NULL OR ${t.email} IS NOT NULL`),
    index("verifications_user_purpose_idx").on(t.userId, t.purpose),
    index("verifications_code_hash_idx").on(t.codeHash),
    index("verifications_email_idx").on(t.email),
  ],
);

export const pendingStepKindEnum = pgEnum("pending_step_kind", ["verify", "enrol"]);

// A sign-in whose password was right but whose second factor is still to come. Bound to the
// browser by an HttpOnly cookie holding a token whose hash is stored here. Not a session.
export const pendingSignIns = pgTable("pending_sign_ins", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  portal: roleEnum("portal").notNull(),
  kind: pendingStepKindEnum("kind").notNull(),
  expiresAt: at("expires_at").notNull(),
  consumedAt: at("consumed_at"),
  createdAt: at("created_at").notNull().defaultNow(),
});

// Messages written instead of sent when no RESEND_API_KEY is set (demo, tests).
export const emailOutbox = pgTable("email_outbox", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  toAddress: text("to_address").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  /** Files sent with the message (calendar invitations), kept so the demo and tests can read them. */
  attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default([]),
  /** The job that sent it (lib/jobs): a second run of the same job writes nothing. */
  idempotencyKey: text("idempotency_key").unique(),
});

export type OutboxAttachment = { filename: string; contentType: string; content: string };

// Fixed-window counters (password reset requests, chat messages…), see lib/rate-limit.
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: at("window_start").notNull(),
  count: integer("count").notNull(),
});

// What support (or an operator on the command line) did, append-only: a trigger refuses UPDATE and
// DELETE, and each row carries the hash of the previous one so `npm run audit:verify` detects a
// row edited or removed behind the trigger's back (lib/audit/support-log.ts).
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: at("at").notNull().defaultNow(),
    // No foreign keys: a cascade would have to update the log. Labels keep the rows readable.
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetUserId: uuid("target_user_id"),
    targetLabel: text("target_label"),
    reason: text("reason").notNull(),
    ip: text("ip").notNull(),
    details: text("details").notNull().default("{}"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    // The AUDIT_HMAC_KEYS entry whose key signed `hash` (docs/decisions/0038); null for the rows
    // written before the chain was keyed, whose hash is a plain SHA-256.
    keyId: text("key_id"),
  },
  (t) => [index("audit_log_at_idx").on(t.at.desc()), index("audit_log_target_idx").on(t.targetUserId)],
);

// Why a patient file has no Luxembourg matricule: someone passing through, insured abroad, a
// newborn not yet registered, or something else (said in other_identifier, if anything).
export const patientNoMatriculeReasonEnum = pgEnum("patient_no_matricule_reason", ["visitor", "insured_abroad", "newborn", "other"]);

// A doctor's patients (« clients »). The same person seen by two doctors is two rows: each practice
// keeps its own file. Files are archived, never deleted: medical records are kept.
export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    // Luxembourg national identification number (matricule), lib/patients/matricule.ts. Absent only
    // with a reason; unique per doctor when present (NULLs never collide).
    matricule: text("matricule"),
    noMatriculeReason: patientNoMatriculeReasonEnum("no_matricule_reason"),
    /** Another identifier when there is no matricule, e.g. a European health insurance card number. */
    otherIdentifier: text("other_identifier"),
    email: text("email"),
    /** E.164 (« +352621123456 »), as lib/patients/phone.ts normalises it. */
    phone: text("phone"),
    /** One free text: a foreign address must fit as the patient writes it. */
    address: text("address"),
    createdAt: at("created_at").notNull().defaultNow(),
    // Who created and last changed the file (the doctor, or which secretary).
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: at("updated_at").notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    archivedAt: at("archived_at"),
    // Online booking (issue 18). The patient account that books for this person: the person
    // themself (« self ») or a relative such as a child. Null for files only the practice uses.
    accountUserId: uuid("account_user_id").references(() => users.id, { onDelete: "set null" }),
    accountRelation: text("account_relation"),
    /** Created by a patient booking online (« créé en ligne »), not by the practice. */
    createdOnline: boolean("created_online").notNull().default(false),
    /**
     * An online-created file that may be the same person as this existing file of the practice
     * (same matricule, or same name and birth date): listed « À vérifier » until the practice
     * decides. Until then the patient sees nothing of the existing file.
     */
    possibleDuplicateOfId: uuid("possible_duplicate_of_id"),
    /** The practice's answer: 'linked' (merged into possible_duplicate_of_id) or 'distinct'. */
    duplicateResolution: text("duplicate_resolution"),
  },
  (t) => [
    check("patients_account_relation", sql`${t.accountRelation} IN ('self', 'relative')`),
    // An account link always says whose file it is. The account's deletion nulls account_user_id
    // alone (ON DELETE SET NULL), so a relation may outlive its account: it then means nothing.
    check("patients_account_relation_with_account", sql`${t.accountUserId} IS NULL OR ${t.accountRelation} IS NOT NULL`),
    check("patients_duplicate_resolution", sql`${t.duplicateResolution} IN ('linked', 'distinct')`),
    foreignKey({
      name: "patients_possible_duplicate_fk",
      columns: [t.possibleDuplicateOfId, t.doctorId],
      foreignColumns: [t.id, t.doctorId],
    }),
    // One « myself » file per account and doctor.
    uniqueIndex("patients_account_self_key")
      .on(t.doctorId, t.accountUserId)
      .where(sql`${t.accountRelation} = 'self'`),
    index("patients_account_idx").on(t.accountUserId),
    // The « À vérifier » list.
    index("patients_to_check_idx")
      .on(t.doctorId)
      .where(sql`${t.possibleDuplicateOfId} IS NOT NULL AND ${t.duplicateResolution} IS NULL`),
    check("patients_matricule_format", sql`${t.matricule} ~ '^[0-9]{13}$'`),
    check("patients_matricule_or_reason", sql`(${t.matricule} IS NULL) = (${t.noMatriculeReason} IS NOT NULL)`),
    unique("patients_doctor_matricule_key").on(t.doctorId, t.matricule),
    // Target of the appointments' composite foreign key: an appointment's patient is the doctor's own.
    unique("patients_id_doctor_key").on(t.id, t.doctorId),
    // Patient count and « nouveaux ce mois-ci ».
    index("patients_doctor_created_idx").on(t.doctorId, t.createdAt),
    // The search by birth date.
    index("patients_doctor_birth_date_idx").on(t.doctorId, t.birthDate),
  ],
);

// A doctor's reasons for visit (« motifs »): what an appointment is for, and its usual duration.
// Never deleted once used (appointments point at them): turned inactive instead.
export const visitReasons = pgTable(
  "visit_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    durationMinutes: smallint("duration_minutes").notNull(),
    colour: text("colour").notNull(),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** Offered on the doctor's public booking page (issue 18). */
    bookableOnline: boolean("bookable_online").notNull().default(false),
    /** May a patient without a file at this practice book it online. */
    openToNewPatients: boolean("open_to_new_patients").notNull().default(true),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("visit_reasons_label_length", sql`char_length(${t.label}) BETWEEN 1 AND 60`),
    check("visit_reasons_duration", sql`${t.durationMinutes} BETWEEN 5 AND 240 AND ${t.durationMinutes} % 5 = 0`),
    check("visit_reasons_colour", sql.raw(`"colour" IN (${VISIT_REASON_COLOURS.map((c) => `'${c}'`).join(", ")})`)),
    // Target of the appointments' composite foreign key: an appointment's motif is the doctor's own.
    unique("visit_reasons_id_doctor_key").on(t.id, t.doctorId),
    uniqueIndex("visit_reasons_doctor_label_key").on(t.doctorId, sql`lower(${t.label})`),
  ],
);

// Weekly opening hours: zero or more intervals per ISO weekday (1 = Monday), in minutes since
// local midnight on a 5-minute grid. Intervals of a day never overlap (an exclusion constraint,
// hand-written in 0009_agenda.sql); they are turned into instants day by day (lib/agenda/hours.ts).
export const openingHours = pgTable(
  "opening_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    startMinute: smallint("start_minute").notNull(),
    endMinute: smallint("end_minute").notNull(),
  },
  (t) => [
    check("opening_hours_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check(
      "opening_hours_interval",
      sql`0 <= ${t.startMinute} AND ${t.startMinute} < ${t.endMinute} AND ${t.endMinute} <= 1440 AND ${t.startMinute} % 5 = 0 AND ${t.endMinute} % 5 = 0`,
    ),
    index("opening_hours_doctor_idx").on(t.doctorId, t.weekday),
  ],
);

// Times the practice is closed (« congés », « formation »): any range of instants, with a label.
export const absences = pgTable(
  "absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    label: text("label").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("absences_range", sql`${t.endsAt} > ${t.startsAt}`),
    check("absences_label_length", sql`char_length(${t.label}) BETWEEN 1 AND 80`),
    index("absences_doctor_starts_idx").on(t.doctorId, t.startsAt),
  ],
);

// Public holidays are closed by default (lib/agenda/holidays.ts); a row here opens one.
export const holidayOpenings = pgTable(
  "holiday_openings",
  {
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.doctorId, t.day] })],
);

// 'arrived' was added by 0009_agenda.sql with ALTER TYPE … ADD VALUE. Drizzle's migrator runs every
// pending migration in one transaction, and PostgreSQL refuses to use an enum value added in the
// same transaction: no migration may ever use the literal 'arrived' (docs/decisions/0025).
export const appointmentStatusEnum = pgEnum("appointment_status", ["booked", "arrived", "done", "cancelled", "no_show"]);
export const appointmentChannelEnum = pgEnum("appointment_channel", ["online", "practice"]);
export const appointmentCancellerEnum = pgEnum("appointment_canceller", ["patient", "practice"]);

// Active means every status but cancelled. Two active appointments of a doctor never overlap unless
// one is « en surnombre » (overbooked): an exclusion constraint decides, whatever the race
// (appointments_no_overlap, hand-written in 0009_agenda.sql; docs/decisions/0025).
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id").notNull(),
    startsAt: at("starts_at").notNull(),
    // Stored, not computed from a duration: an index expression must be IMMUTABLE, and the
    // exclusion constraint indexes tstzrange(starts_at, ends_at).
    endsAt: at("ends_at").notNull(),
    status: appointmentStatusEnum("status").notNull().default("booked"),
    bookedVia: appointmentChannelEnum("booked_via").notNull(),
    visitReasonId: uuid("visit_reason_id"),
    note: text("note"),
    /** « En surnombre »: deliberately booked over another appointment; never online. */
    overbooked: boolean("overbooked").notNull().default(false),
    cancelledBy: appointmentCancellerEnum("cancelled_by"),
    cancelledAt: at("cancelled_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: at("updated_at").notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
    /** The patient account that booked it online (limits, the patient space); null otherwise. */
    bookedByUserId: uuid("booked_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The iCalendar UID sent with every invitation about this appointment: random, never the id. */
    calendarUid: uuid("calendar_uid").notNull().defaultRandom(),
    /** The iCalendar SEQUENCE: raised on every change the patient is told about. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
  },
  (t) => [
    check("appointments_range", sql`${t.endsAt} > ${t.startsAt} AND ${t.endsAt} - ${t.startsAt} <= interval '8 hours'`),
    check("appointments_note_length", sql`char_length(${t.note}) <= 1000`),
    check("appointments_cancellation", sql`${t.cancelledBy} IS NULL OR ${t.status} = 'cancelled'`),
    foreignKey({
      name: "appointments_patient_of_doctor_fk",
      columns: [t.patientId, t.doctorId],
      foreignColumns: [patients.id, patients.doctorId],
    }).onDelete("cascade"),
    foreignKey({
      name: "appointments_visit_reason_of_doctor_fk",
      columns: [t.visitReasonId, t.doctorId],
      foreignColumns: [visitReasons.id, visitReasons.doctorId],
    }),
    // Every dashboard figure on appointments is a range of starts_at for one doctor, counted by
    // status: this index answers them all without reading the table (index-only scans). The agenda
    // reads a week of one doctor through it too.
    index("appointments_doctor_starts_idx").on(t.doctorId, t.startsAt, t.status),
    // A patient's appointments, and deleting a patient without scanning every appointment.
    index("appointments_patient_starts_idx").on(t.patientId, t.startsAt),
    // A patient account's appointments (the patient space, the « 2 future online » limit).
    index("appointments_booked_by_idx").on(t.bookedByUserId, t.startsAt),
  ],
);

// Each doctor's agenda revision: bumped from the sequence in the transaction of every change to
// the agenda (appointments, hours, absences, holiday openings, motifs), with a NOTIFY. Event
// streams on PGlite poll for revisions above the last they saw; on PostgreSQL they LISTEN.
export const agendaRevision = pgSequence("agenda_revision");

export const agendaRevisions = pgTable(
  "agenda_revisions",
  {
    doctorId: uuid("doctor_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    revision: bigint("revision", { mode: "number" })
      .notNull()
      .default(sql`nextval('agenda_revision')`),
  },
  (t) => [index("agenda_revisions_revision_idx").on(t.revision)],
);

export const reviewStatusEnum = pgEnum("review_status", ["published", "hidden"]);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    comment: text("comment"),
    status: reviewStatusEnum("status").notNull().default("published"),
    createdAt: at("created_at").notNull().defaultNow(),
    // Issue 18: who wrote it about which appointment (once per appointment), the doctor's one
    // answer, and support hiding it with a reason (written to the audit log too).
    patientId: uuid("patient_id"),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    answer: text("answer"),
    answeredAt: at("answered_at"),
    answeredById: uuid("answered_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenAt: at("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenById: uuid("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("reviews_rating_range", sql`${t.rating} BETWEEN 1 AND 5`),
    check("reviews_comment_length", sql`char_length(${t.comment}) <= 1000`),
    check("reviews_answer_length", sql`char_length(${t.answer}) BETWEEN 1 AND 1000`),
    check("reviews_answer_once", sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL)`),
    check("reviews_hidden_reason", sql`(${t.status} = 'hidden') = (${t.hiddenReason} IS NOT NULL)`),
    foreignKey({
      name: "reviews_patient_of_doctor_fk",
      columns: [t.patientId, t.doctorId],
      foreignColumns: [patients.id, patients.doctorId],
    }).onDelete("cascade"),
    unique("reviews_appointment_key").on(t.appointmentId),
    index("reviews_doctor_created_idx").on(t.doctorId, t.createdAt),
  ],
);

// Online booking settings (issue 18), one row per doctor; a doctor without a row takes no online
// bookings. The public page lives at /rdv/<slug>.
export const onlineBookingSettings = pgTable(
  "online_booking_settings",
  {
    doctorId: uuid("doctor_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(false),
    /** Readable and unique (« dr-jean-muller »), kept when the name changes so links still work. */
    slug: text("slug").notNull().unique(),
    /** False: the online windows are the opening hours. True: online_booking_windows holds them. */
    customWindows: boolean("custom_windows").notNull().default(false),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(120),
    horizonWeeks: smallint("horizon_weeks").notNull().default(8),
    cancellationDeadlineHours: smallint("cancellation_deadline_hours").notNull().default(24),
    /** Hours before the appointment a reminder goes out: null (none), 24 or 48. */
    reminderHours: smallint("reminder_hours").default(24),
    showReviews: boolean("show_reviews").notNull().default(false),
    updatedAt: at("updated_at").notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("online_booking_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(${t.slug}) <= 80`),
    check("online_booking_notice", sql`${t.minNoticeMinutes} BETWEEN 0 AND 20160`),
    check("online_booking_horizon", sql`${t.horizonWeeks} BETWEEN 1 AND 26`),
    check("online_booking_cancellation_deadline", sql`${t.cancellationDeadlineHours} BETWEEN 0 AND 336`),
    check("online_booking_reminder", sql`${t.reminderHours} IN (24, 48)`),
  ],
);

// The weekly windows open to online booking when they differ from the opening hours; same shape
// and rules as opening_hours.
export const onlineBookingWindows = pgTable(
  "online_booking_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekday: smallint("weekday").notNull(),
    startMinute: smallint("start_minute").notNull(),
    endMinute: smallint("end_minute").notNull(),
  },
  (t) => [
    check("online_booking_windows_weekday", sql`${t.weekday} BETWEEN 1 AND 7`),
    check(
      "online_booking_windows_interval",
      sql`0 <= ${t.startMinute} AND ${t.startMinute} < ${t.endMinute} AND ${t.endMinute} <= 1440 AND ${t.startMinute} % 5 = 0 AND ${t.endMinute} % 5 = 0`,
    ),
    index("online_booking_windows_doctor_idx").on(t.doctorId, t.weekday),
  ],
);

// The link in a confirmation email that cancels without signing in: a random token stored only as
// its hash, single use, valid until the practice's cancellation deadline.
export const appointmentCancelLinks = pgTable(
  "appointment_cancel_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("appointment_cancel_links_appointment_idx").on(t.appointmentId)],
);

// « Me prévenir si un créneau se libère plus tôt »: the patient's appointment they would move
// earlier. Doctor and motif are the appointment's.
export const waitlistEntries = pgTable("waitlist_entries", {
  appointmentId: uuid("appointment_id")
    .primaryKey()
    .references(() => appointments.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull().defaultNow(),
});

// Background work claimed from the database (lib/jobs): reminders, notices, confirmation emails.
// Written in the transaction of the change that calls for it, so a rolled-back booking sends
// nothing; claimed with FOR UPDATE SKIP LOCKED, so two workers never take the same row.
export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    runAt: at("run_at").notNull().defaultNow(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull().default({}),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: at("done_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`${t.doneAt} IS NULL`),
    index("jobs_appointment_idx").on(t.appointmentId),
  ],
);

// Text messages written instead of sent while no SMS provider is configured, like email_outbox.
export const smsOutbox = pgTable("sms_outbox", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  /** E.164. */
  toNumber: text("to_number").notNull(),
  text: text("text").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  /** The job that sent it (lib/jobs): a second run of the same job writes nothing. */
  idempotencyKey: text("idempotency_key").unique(),
});
// The doctor's professional profile (issue 5), one row per doctor, created on first save. The
// name and specialty stay on users; everything here is what documents print. Text is stored in the
// normalised form lib/profile/schema.ts produces (IBAN without spaces, postcode "L-1234").
export const doctorProfiles = pgTable("doctor_profiles", {
  doctorId: uuid("doctor_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  providerCode: text("provider_code"),
  street: text("street"),
  postcode: text("postcode"),
  locality: text("locality"),
  phone: text("phone"),
  fax: text("fax"),
  website: text("website"),
  iban: text("iban"),
  ibanHolder: text("iban_holder"),
  payconiqMerchantId: text("payconiq_merchant_id"),
  stampOnDocuments: boolean("stamp_on_documents").notNull().default(false),
  signatureOnDocuments: boolean("signature_on_documents").notNull().default(false),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

// The doctor's uploaded signature: a PNG re-encoded by lib/signature, kept by lib/storage under
// storage_key (never a public URL). One per doctor; replacing it deletes the old file.
export const doctorSignatures = pgTable("doctor_signatures", {
  doctorId: uuid("doctor_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  storageKey: text("storage_key").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  byteSize: integer("byte_size").notNull(),
  /** JPEG, or a PNG without any transparent pixel: it will cover what lies under it. */
  opaque: boolean("opaque").notNull(),
  uploadedAt: at("uploaded_at").notNull().defaultNow(),
});

// A doctor's eSanté identity, linked through LuxTrust (OpenID Connect). Used to tell eSanté who the
// doctor is, never to sign anybody in. One external identity belongs to one doctor at most.
export const esanteLinks = pgTable(
  "esante_links",
  {
    doctorId: uuid("doctor_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    displayName: text("display_name"),
    linkedAt: at("linked_at").notNull().defaultNow(),
  },
  (t) => [unique("esante_links_identity_unique").on(t.issuer, t.subject)],
);

// An eSanté link in progress: what the callback needs to check the answer (state, nonce, PKCE
// verifier), bound to the browser session that started it. Used once, valid 10 minutes.
export const esanteLinkRequests = pgTable("esante_link_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  // HMAC of the state sent to the provider (lib/twofactor/secret-hash.ts), looked up on return.
  stateHash: text("state_hash").notNull().unique(),
  doctorId: uuid("doctor_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  sessionId: uuid("session_id")
    .notNull()
    .references(() => sessions.id, { onDelete: "cascade" }),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
  createdAt: at("created_at").notNull().defaultNow(),
});

// « Changer de courriel »: the new address waits here until the link sent to it is followed. The
// link itself is a one-time token like the others (verifications, purpose "email_change").
export const pendingEmailChanges = pgTable("pending_email_changes", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  requestedAt: at("requested_at").notNull().defaultNow(),
});

// Live chat with support (issue 8, docs/decisions/0011). One conversation per practice user (a
// doctor, or a secretary: hers, not her doctor's). Every change to a conversation (a message, a
// read marker) takes a new revision from this sequence in the same transaction: on PGlite the
// event streams poll for revisions above the last one they saw; on PostgreSQL a NOTIFY carries
// the conversation id instead.
export const chatRevision = pgSequence("chat_revision");

export const chatConversations = pgTable(
  "chat_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    revision: bigint("revision", { mode: "number" })
      .notNull()
      .default(sql`nextval('chat_revision')`),
    lastMessageAt: at("last_message_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Support's list: newest activity first. The poller: revisions above a cursor.
    index("chat_conversations_last_message_idx").on(t.lastMessageAt.desc()),
    index("chat_conversations_revision_idx").on(t.revision),
  ],
);

export const chatSideEnum = pgEnum("chat_side", ["user", "support"]);

export const chatMessages = pgTable(
  "chat_messages",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => chatConversations.id, { onDelete: "cascade" }),
    // Which side wrote it; the author is kept for support replies (who answered) and may go.
    side: chatSideEnum("side").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    // A secretary writing while she works for a doctor: support sees for whom.
    actingForDoctorId: uuid("acting_for_doctor_id").references(() => users.id, { onDelete: "set null" }),
    // Plain text as lib/chat/schema.ts normalised it; rendered escaped, never as HTML or Markdown.
    body: text("body").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    // When the other side read it.
    readAt: at("read_at"),
    // Left while no support operator was online (« Laisser un message »).
    waitedOffline: boolean("waited_offline").notNull().default(false),
    // When support first answered a message left offline (the answer was emailed then, once).
    answeredAt: at("answered_at"),
  },
  (t) => [
    check("chat_messages_body_length", sql`char_length(${t.body}) BETWEEN 1 AND 4000`),
    index("chat_messages_conversation_idx").on(t.conversationId, t.id),
  ],
);

// One row per support operator with /admin/chat open, touched by the page's event stream. Support
// is online while some row was touched within the last 60 seconds.
export const chatSupportPresence = pgTable("chat_support_presence", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastSeenAt: at("last_seen_at").notNull().defaultNow(),
});

export const documentKindEnum = pgEnum("document_kind", ["prescription", "certificate", "fee_note"]);

// The per-doctor, per-year document counter (issue 6, docs/decisions/0010): a document's number is
// taken by `INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last` in the transaction
// that inserts the document, so two creations at the same instant wait on this row and a rolled-back
// creation gives its number back: no gaps, no duplicates.
export const documentCounters = pgTable(
  "document_counters",
  {
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    year: smallint("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.doctorId, t.year] }), check("document_counters_last_positive", sql`${t.last} > 0`)],
);

// An issued document: prescription (« ordonnance »), certificate (« attestation ») or fee note
// (« mémoire d'honoraires »). Immutable: a trigger refuses UPDATE. Everything the PDF prints is
// kept here as it was at issue (doctor header, patient, content), so the PDF drawn today is the
// one drawn on the day. A correction is a new row whose replaces_id names the one it cancels.
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    doctorId: uuid("doctor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    patientId: uuid("patient_id").notNull(),
    kind: documentKindEnum("kind").notNull(),
    year: smallint("year").notNull(),
    sequence: integer("sequence").notNull(),
    /** « 2026-000123 »: year and sequence, written once. */
    number: text("number").notNull(),
    /** The date the document bears (the date of service on a fee note), a calendar day. */
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    /** Kind-specific content, as validated by lib/documents/schema.ts. */
    content: jsonb("content").notNull(),
    /** Fee notes only: the total in integer cents, and whether it was paid when issued. */
    totalCents: integer("total_cents"),
    paid: boolean("paid"),
    /** What the PDF prints about the doctor and the patient, as on the day of issue. */
    header: jsonb("header").notNull(),
    withStamp: boolean("with_stamp").notNull(),
    /** The signature image applied (the doctor's own action only), copied for this document. */
    signatureKey: text("signature_key"),
    replacesId: uuid("replaces_id"),
    // Who issued it (the doctor, or a secretary for fee notes). No foreign key: a « set null » on
    // the account's removal would be an UPDATE, which the immutability trigger refuses.
    createdById: uuid("created_by_id"),
    createdVia: connectionModeEnum("created_via").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("documents_doctor_year_sequence_key").on(t.doctorId, t.year, t.sequence),
    unique("documents_doctor_number_key").on(t.doctorId, t.number),
    // A document is cancelled once: two corrections of the same one cannot both succeed.
    unique("documents_replaces_key").on(t.replacesId),
    foreignKey({
      name: "documents_patient_of_doctor_fk",
      columns: [t.patientId, t.doctorId],
      foreignColumns: [patients.id, patients.doctorId],
    }).onDelete("cascade"),
    foreignKey({ name: "documents_replaces_fk", columns: [t.replacesId], foreignColumns: [t.id] }).onDelete("cascade"),
    check("documents_sequence_positive", sql`${t.sequence} > 0`),
    check("documents_fee_note_total", sql`(${t.kind} = 'fee_note') = (${t.totalCents} IS NOT NULL AND ${t.paid} IS NOT NULL)`),
    check("documents_total_positive", sql`${t.totalCents} IS NULL OR ${t.totalCents} > 0`),
    // The patient's documents, newest first.
    index("documents_patient_created_idx").on(t.patientId, t.createdAt.desc()),
  ],
);

// « Partager avec le patient »: kept beside the document because issued documents are immutable.
export const documentShares = pgTable("document_shares", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  sharedAt: at("shared_at").notNull().defaultNow(),
  sharedById: uuid("shared_by_id").references(() => users.id, { onDelete: "set null" }),
});

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type DoctorKind = (typeof doctorKindEnum.enumValues)[number];
export type Session = typeof sessions.$inferSelect;
export type AppointmentStatus = (typeof appointmentStatusEnum.enumValues)[number];
export type AppointmentCanceller = (typeof appointmentCancellerEnum.enumValues)[number];
export type AppointmentChannel = (typeof appointmentChannelEnum.enumValues)[number];
export type PatientNoMatriculeReason = (typeof patientNoMatriculeReasonEnum.enumValues)[number];
export type PatientRow = typeof patients.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type VisitReasonRow = typeof visitReasons.$inferSelect;
export type AbsenceRow = typeof absences.$inferSelect;
export type ConnectionMode = (typeof connectionModeEnum.enumValues)[number];
export type DoctorProfile = typeof doctorProfiles.$inferSelect;
export type DoctorSignature = typeof doctorSignatures.$inferSelect;
export type EsanteLink = typeof esanteLinks.$inferSelect;
export type ChatConversation = typeof chatConversations.$inferSelect;
export type ChatMessage = typeof chatMessages.$inferSelect;

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentKind = (typeof documentKindEnum.enumValues)[number];
export type OnlineBookingSettingsRow = typeof onlineBookingSettings.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
