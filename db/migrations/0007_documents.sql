CREATE TYPE "public"."document_kind" AS ENUM('prescription', 'certificate', 'fee_note');--> statement-breakpoint
CREATE TABLE "document_counters" (
	"doctor_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_doctor_id_year_pk" PRIMARY KEY("doctor_id","year"),
	CONSTRAINT "document_counters_last_positive" CHECK ("document_counters"."last" > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doctor_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"year" smallint NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"total_cents" integer,
	"paid" boolean,
	"header" jsonb NOT NULL,
	"with_stamp" boolean NOT NULL,
	"signature_key" text,
	"replaces_id" uuid,
	"created_by_id" uuid,
	"created_via" "connection_mode" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_doctor_year_sequence_key" UNIQUE("doctor_id","year","sequence"),
	CONSTRAINT "documents_doctor_number_key" UNIQUE("doctor_id","number"),
	CONSTRAINT "documents_replaces_key" UNIQUE("replaces_id"),
	CONSTRAINT "documents_sequence_positive" CHECK ("documents"."sequence" > 0),
	CONSTRAINT "documents_fee_note_total" CHECK (("documents"."kind" = 'fee_note') = ("documents"."total_cents" IS NOT NULL AND "documents"."paid" IS NOT NULL)),
	CONSTRAINT "documents_total_positive" CHECK ("documents"."total_cents" IS NULL OR "documents"."total_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_doctor_id_users_id_fk" FOREIGN KEY ("doctor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_patient_of_doctor_fk" FOREIGN KEY ("patient_id","doctor_id") REFERENCES "public"."patients"("id","doctor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaces_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_patient_created_idx" ON "documents" USING btree ("patient_id","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Hand-written (keep when regenerating): an issued document never changes. A correction is a new
-- row that references the old one; rows go only with their doctor or patient (DELETE cascades).
CREATE OR REPLACE FUNCTION documents_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'documents are immutable once issued';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER documents_no_update
  BEFORE UPDATE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_immutable();
