import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "./support-log-query";

describe("the journal's filters", () => {
  it("keep real calendar days and drop impossible ones instead of failing", () => {
    expect(auditFilterSchema.parse({ du: "2026-11-01", au: "2026-11-30" })).toMatchObject({ du: "2026-11-01", au: "2026-11-30" });
    for (const bad of ["2026-13-45", "2026-02-30", "2026-00-10", "abc", "2026-1-1", "0500-01-01", "9999-12-31"]) {
      expect(auditFilterSchema.parse({ du: bad, au: bad }), bad).toMatchObject({ du: undefined, au: undefined });
    }
  });
});
