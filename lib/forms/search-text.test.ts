import { describe, expect, it } from "vitest";
import * as z from "./zod";
import { cleanSearchText, searchText } from "./search-text";

describe("search text", () => {
  it("drops control characters (a NUL byte is an error in PostgreSQL text), trims and cuts", () => {
    expect(cleanSearchText("  Schmit\u0000\r\n ", 80)).toBe("Schmit");
    expect(cleanSearchText("a\u0002b\u000fc", 80)).toBe("abc");
    expect(cleanSearchText("é".repeat(200), 100)).toHaveLength(100);
    expect(cleanSearchText("Müller-Łukasz 𝕯", 80)).toBe("Müller-Łukasz 𝕯");
  });

  it("turns anything but a string into an empty search", () => {
    expect(cleanSearchText(["a", "b"], 80)).toBe("");
    expect(cleanSearchText(undefined, 80)).toBe("");
    expect(z.object({ q: searchText(10) }).parse({ q: 42 })).toEqual({ q: "" });
    expect(z.object({ q: searchText(10) }).parse({})).toEqual({ q: "" });
  });
});
