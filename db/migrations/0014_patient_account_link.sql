-- Deleting a patient account nulls patients.account_user_id (ON DELETE SET NULL) and left
-- account_relation behind, which the old check refused: the deletion failed. A relation without an
-- account is now allowed; an account without a relation still is not.
ALTER TABLE "patients" DROP CONSTRAINT "patients_account_relation_with_account";--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_account_relation_with_account" CHECK ("patients"."account_user_id" IS NULL OR "patients"."account_relation" IS NOT NULL);
