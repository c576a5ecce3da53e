import { describe, expect, it } from "vitest";
import { allocate } from "./large-seed";

describe("allocate", () => {
  it("splits a total exactly, in proportion, heaviest first", () => {
    const weights = Array.from({ length: 1000 }, (_, d) => 1 / (d + 10) ** 0.8);
    const counts = allocate(2_000_000, weights);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2_000_000);
    expect(counts[0]).toBeGreaterThan(counts[999]! * 30);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it("hands out the remainder to the largest fractions", () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(5, [1, 1, 2])).toEqual([1, 1, 3]);
  });
});
