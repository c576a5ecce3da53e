-- The audit chain is keyed with an HMAC whose key comes from the environment (decision 0038). Each
-- row names the key that signed it; rows written before this migration keep their plain SHA-256
-- hash and a NULL key id, and stay verifiable as they are (never re-chained).
ALTER TABLE "audit_log" ADD COLUMN "key_id" text;
