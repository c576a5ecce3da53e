import { afterEach, describe, expect, it, vi } from "vitest";
import { devMailboxEnabled, publicMailboxWarning } from "./email";

afterEach(() => vi.unstubAllEnvs());

describe("the public mailbox warning (logged by server.ts at start-up)", () => {
  it("warns when DEV_MAILBOX=1 opens the mailbox on a production build with PostgreSQL", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://db.example/doctipro");
    vi.stubEnv("DEV_MAILBOX", "1");
    expect(devMailboxEnabled()).toBe(true);
    expect(publicMailboxWarning()).toMatch(/^\/dev\/mailbox IS PUBLIC on this production build \(DEV_MAILBOX=1\)/);
  });

  it("warns for the embedded demo's default too, and says why", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DEV_MAILBOX", "");
    expect(publicMailboxWarning()).toContain("embedded demo");
  });

  it("stays quiet when the mailbox is closed, or outside a production build", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://db.example/doctipro");
    vi.stubEnv("DEV_MAILBOX", "");
    expect(publicMailboxWarning()).toBeNull();
    vi.stubEnv("DEV_MAILBOX", "0");
    vi.stubEnv("DATABASE_URL", "");
    expect(publicMailboxWarning()).toBeNull();
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("DEV_MAILBOX", "1");
    expect(publicMailboxWarning()).toBeNull();
  });
});
