import { passwordHashConcurrency } from "@/config/env";

// argon2 holds its 64 MiB for every hash in progress, and libuv runs four at a time whatever the
// cores: on two cores the extra two only share the CPU while holding memory (peak RSS under load,
// docs/benchmarks.md). Hashes beyond PASSWORD_HASH_CONCURRENCY (one per core unless set) wait here,
// holding nothing.

/** A limiter of work running at once: a slot freed is handed straight to the next in line. */
export function slots(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

export const withHashSlot = slots(passwordHashConcurrency());
