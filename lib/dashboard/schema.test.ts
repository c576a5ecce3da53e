import { describe, expect, it } from "vitest";
import { decodeHistoryCursor, encodeHistoryCursor } from "./history-cursor";
import { pageSizeSchema, parseHistorySearchParams } from "./schema";

describe("history cursor", () => {
  it("round-trips a position", () => {
    const cursor = { direction: "older" as const, atMicros: "1774944000123456", id: "42" };
    expect(decodeHistoryCursor(encodeHistoryCursor(cursor))).toEqual(cursor);
    expect(decodeHistoryCursor(encodeHistoryCursor({ ...cursor, direction: "newer" }))?.direction).toBe("newer");
  });

  it.each([
    ["not base64url", "%%%"],
    ["empty", ""],
    ["garbage that decodes", Buffer.from("hello").toString("base64url")],
    ["unknown direction", Buffer.from("x.1.2").toString("base64url")],
    ["negative id", Buffer.from("o.1.-2").toString("base64url")],
    ["SQL in the id", Buffer.from("o.1.2;drop table users").toString("base64url")],
    ["too many digits", Buffer.from(`o.${"9".repeat(17)}.1`).toString("base64url")],
    ["far too long", "A".repeat(500)],
  ])("refuses %s", (_, raw) => {
    expect(decodeHistoryCursor(raw)).toBeNull();
  });
});

describe("page size", () => {
  it.each([
    [20, 20],
    [1, 1],
    [100, 100],
    [10_000, 100],
    [-1, 20],
    [0, 20],
    [2.5, 20],
    [Number.NaN, 20],
    ["50", 20],
  ])("%s → %s", (input, expected) => {
    expect(pageSizeSchema.parse(input)).toBe(expected);
  });
});

describe("search parameters", () => {
  const cursor = encodeHistoryCursor({ direction: "older", atMicros: "1774944000123456", id: "42" });

  it("reads the filter and the position", () => {
    expect(parseHistorySearchParams({ mode: "secretariat", curseur: cursor })).toEqual({
      query: { mode: "secretary", cursor: { direction: "older", atMicros: "1774944000123456", id: "42" }, limit: 20 },
      notices: [],
    });
    expect(parseHistorySearchParams({ mode: "directe" }).query.mode).toBe("direct");
    expect(parseHistorySearchParams({}).query).toEqual({ mode: null, cursor: null, limit: 20 });
  });

  it.each([["admin"], ["constructor"], ["__proto__"], [["directe", "secretariat"]], ["secretary"]])(
    "drops the unknown filter %j with a notice",
    (mode) => {
      const { query, notices } = parseHistorySearchParams({ mode });
      expect(query.mode).toBeNull();
      expect(notices).toEqual(["unknown-filter"]);
    },
  );

  it("drops a forged cursor with a notice, and ignores a page size or a doctor in the address", () => {
    const { query, notices } = parseHistorySearchParams({ curseur: "forged", taille: "10000", doctorId: "x" });
    expect(query).toEqual({ mode: null, cursor: null, limit: 20 });
    expect(notices).toEqual(["invalid-cursor"]);
    expect(parseHistorySearchParams({ curseur: [cursor, cursor] }).notices).toEqual(["invalid-cursor"]);
  });
});
