import "@testing-library/jest-dom/vitest";

// Unit and integration tests run on an in-memory PGlite unless a test file opts for PostgreSQL.
process.env.PGLITE_DIR ??= "memory://";
delete process.env.DATABASE_URL;
// The audit chain's HMAC key (config/audit-keys.ts); the server generates or demands its own.
process.env.AUDIT_HMAC_KEYS ??= `unit:${Buffer.alloc(32, 7).toString("base64")}`;
