import "@testing-library/jest-dom/vitest";

// Unit and integration tests run on an in-memory PGlite unless a test file opts for PostgreSQL.
process.env.PGLITE_DIR ??= "memory://";
delete process.env.DATABASE_URL;
