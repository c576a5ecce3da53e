import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

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
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("users_doctor_kind_only_for_doctors", sql`(${t.role} = 'doctor') = (${t.doctorKind} IS NOT NULL)`),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
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
  (t) => [index("sessions_user_live_idx").on(t.userId).where(sql`${t.revokedAt} IS NULL`)],
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
  (t) => [index("connection_log_account_at_idx").on(t.accountId, t.at.desc(), t.id.desc())],
);

// Failed password counters, one row per key ("account:<email>" or "ip:<address>"); see
// lib/auth/throttle.ts for the delay they impose.
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: at("last_failure_at").notNull(),
});

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type DoctorKind = (typeof doctorKindEnum.enumValues)[number];
export type Session = typeof sessions.$inferSelect;
