CREATE TYPE "public"."appointment_canceller" AS ENUM('patient', 'practice');--> statement-breakpoint
CREATE TYPE "public"."patient_no_matricule_reason" AS ENUM('visitor', 'insured_abroad', 'newborn', 'other');--> statement-breakpoint
ALTER TYPE "public"."appointment_status" ADD VALUE 'arrived' BEFORE 'done';--> statement-breakpoint
CREATE SEQUENCE "public"."agenda_revision" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doctor_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"label" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_range" CHECK ("absences"."ends_at" > "absences"."starts_at"),
	CONSTRAINT "absences_label_length" CHECK (char_length("absences"."label") BETWEEN 1 AND 80)
);
--> statement-breakpoint
CREATE TABLE "agenda_revisions" (
	"doctor_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT nextval('agenda_revision') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holiday_openings" (
	"doctor_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holiday_openings_doctor_id_day_pk" PRIMARY KEY("doctor_id","day")
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doctor_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "opening_hours_weekday" CHECK ("opening_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "opening_hours_interval" CHECK (0 <= "opening_hours"."start_minute" AND "opening_hours"."start_minute" < "opening_hours"."end_minute" AND "opening_hours"."end_minute" <= 1440 AND "opening_hours"."start_minute" % 5 = 0 AND "opening_hours"."end_minute" % 5 = 0)
);
--> statement-breakpoint
CREATE TABLE "visit_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doctor_id" uuid NOT NULL,
	"label" text NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"colour" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_reasons_id_doctor_key" UNIQUE("id","doctor_id"),
	CONSTRAINT "visit_reasons_label_length" CHECK (char_length("visit_reasons"."label") BETWEEN 1 AND 60),
	CONSTRAINT "visit_reasons_duration" CHECK ("visit_reasons"."duration_minutes" BETWEEN 5 AND 240 AND "visit_reasons"."duration_minutes" % 5 = 0),
	CONSTRAINT "visit_reasons_colour" CHECK ("colour" IN ('blue', 'green', 'orange', 'purple', 'red', 'teal', 'pink', 'grey'))
);
--> statement-breakpoint
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_duration_range";--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "matricule" DROP NOT NULL;--> statement-breakpoint
-- Hand-edited: ends_at is filled from the duration before it becomes NOT NULL (rows exist).
ALTER TABLE "appointments" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
UPDATE "appointments" SET "ends_at" = "starts_at" + "duration_minutes" * interval '1 minute';--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "ends_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "visit_reason_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "overbooked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by" "appointment_canceller";--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "updated_by_id" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "no_matricule_reason" "patient_no_matricule_reason";--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "other_identifier" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "updated_by_id" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_revisions" ADD CONSTRAINT "agenda_revisions_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_openings" ADD CONSTRAINT "holiday_openings_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_openings" ADD CONSTRAINT "holiday_openings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_reasons" ADD CONSTRAINT "visit_reasons_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_doctor_starts_idx" ON "absences" USING btree ("doctor_id","starts_at");--> statement-breakpoint
CREATE INDEX "agenda_revisions_revision_idx" ON "agenda_revisions" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "opening_hours_doctor_idx" ON "opening_hours" USING btree ("doctor_id","weekday");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_reasons_doctor_label_key" ON "visit_reasons" USING btree ("doctor_id",lower("label"));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_visit_reason_of_doctor_fk" FOREIGN KEY ("visit_reason_id","doctor_id") REFERENCES "public"."visit_reasons"("id","doctor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patients_doctor_birth_date_idx" ON "patients" USING btree ("doctor_id","birth_date");--> statement-breakpoint
ALTER TABLE "appointments" DROP COLUMN "duration_minutes";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_range" CHECK ("appointments"."ends_at" > "appointments"."starts_at" AND "appointments"."ends_at" - "appointments"."starts_at" <= interval '8 hours');--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_note_length" CHECK (char_length("appointments"."note") <= 1000);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancellation" CHECK ("appointments"."cancelled_by" IS NULL OR "appointments"."status" = 'cancelled');--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_matricule_or_reason" CHECK (("patients"."matricule" IS NULL) = ("patients"."no_matricule_reason" IS NOT NULL));;--> statement-breakpoint

-- Hand-written from here: what Drizzle cannot declare (docs/decisions/0025).

-- Files and appointments that existed before were last changed when they were created.
UPDATE "patients" SET "updated_at" = "created_at";--> statement-breakpoint
UPDATE "appointments" SET "updated_at" = "created_at";--> statement-breakpoint

-- Exclusion constraints mixing = on plain columns with && on ranges need btree_gist. On PGlite the
-- extension must also be passed to every open of the database (db/client.ts), or inserts fail.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint

-- A weekday's opening intervals never overlap (the settings form refuses it first; this is the
-- backstop against two saves at once).
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_no_overlap"
  EXCLUDE USING gist ("doctor_id" WITH =, "weekday" WITH =, int4range("start_minute", "end_minute") WITH &&);--> statement-breakpoint

-- Overlaps already stored (demo folders seeded before this migration, a production database):
-- every active appointment, not « en surnombre », that overlaps one created before it (by
-- created_at, then id) of the same doctor, also active and not « en surnombre », becomes « en
-- surnombre ». One UPDATE decides for all rows at once, so what stays ordinary never overlaps:
-- of two ordinary ones that overlap, the later-created has the earlier as a reason to change. The
-- count is reported as a NOTICE. An appointment lasts at most 8 hours (appointments_range), which
-- bounds the search to the index range of starts_at. 'cancelled' is the only status literal used:
-- 'arrived', added above, may not be used in this transaction.
DO $$
DECLARE
  changed integer;
BEGIN
  UPDATE "appointments" AS later
  SET "overbooked" = true
  WHERE later."status" <> 'cancelled'
    AND NOT later."overbooked"
    AND EXISTS (
      SELECT 1
      FROM "appointments" AS earlier
      WHERE earlier."doctor_id" = later."doctor_id"
        AND earlier."starts_at" < later."ends_at"
        AND earlier."starts_at" > later."starts_at" - interval '8 hours'
        AND earlier."ends_at" > later."starts_at"
        AND earlier."status" <> 'cancelled'
        AND NOT earlier."overbooked"
        AND (earlier."created_at", earlier."id") < (later."created_at", later."id")
    );
  GET DIAGNOSTICS changed = ROW_COUNT;
  RAISE NOTICE '0009_agenda: % overlapping appointment(s) marked « en surnombre »', changed;
END
$$;--> statement-breakpoint

-- No double booking, decided by the database whatever the race: two active appointments of a
-- doctor that are not « en surnombre » never overlap. « status <> 'cancelled' » rather than a list
-- of active statuses, so that a status added later is covered without touching this.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("doctor_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled' AND NOT "overbooked");
