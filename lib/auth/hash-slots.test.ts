import { expect, it } from "vitest";
import { slots } from "./hash-slots";

it("runs no more than its size at once, and every piece of work in the end", async () => {
  const run = slots(2);
  let now = 0;
  let most = 0;
  const work = (i: number) =>
    run(async () => {
      now++;
      most = Math.max(most, now);
      await new Promise((r) => setTimeout(r, 5 + (i % 3)));
      now--;
      if (i === 3) throw new Error("a failure frees its slot too");
      return i;
    });
  const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => work(i)));
  expect(most).toBe(2);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(11);
  expect(await run(async () => "after")).toBe("after");
});
