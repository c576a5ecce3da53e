import { afterAll, beforeAll, beforeEach } from "vitest";

type Ready = { drop?: () => Promise<void> };

/**
 * The database of a describe block that runs once per database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): `setup` answers null when that database is not available, and
 * `onReady` hands each test what it gave (null then). Dropped after the block.
 */
export function useDatabase<T extends Ready>(setup: () => Promise<T | null>, onReady: (ready: T | null) => void): void {
  let ready: T | null = null;
  beforeAll(async () => {
    ready = await setup();
    // The block runs only where its database is (describe.runIf): without it, every test fails.
    if (!ready) throw new Error("this block's database is not available");
  });
  beforeEach(() => onReady(ready));
  afterAll(async () => {
    await ready?.drop?.();
  });
}
