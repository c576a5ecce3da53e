import os from "node:os";
import { afterEach, expect, it, vi } from "vitest";
import { passwordHashConcurrency } from "./env";

afterEach(() => vi.unstubAllEnvs());

it("hashes one password per core unless told how many, and ignores a setting that is not a positive whole number", () => {
  vi.stubEnv("PASSWORD_HASH_CONCURRENCY", "");
  expect(passwordHashConcurrency()).toBe(os.availableParallelism());
  vi.stubEnv("PASSWORD_HASH_CONCURRENCY", "1");
  expect(passwordHashConcurrency()).toBe(1);
  for (const wrong of ["0", "-2", "1.5", "deux"]) {
    vi.stubEnv("PASSWORD_HASH_CONCURRENCY", wrong);
    expect(passwordHashConcurrency()).toBe(os.availableParallelism());
  }
});
