import { describe, expect, it } from "vitest";
import { counted } from "./count";

describe("counted", () => {
  it("says 0 and 1 in the singular, 2 and more in the plural", () => {
    expect(counted(0, "session fermée", "sessions fermées")).toBe("0 session fermée");
    expect(counted(1, "session fermée", "sessions fermées")).toBe("1 session fermée");
    expect(counted(3, "session fermée", "sessions fermées")).toBe("3 sessions fermées");
  });

  it("groups the thousands as the rest of the app does", () => {
    expect(counted(12345, "ligne vérifiée", "lignes vérifiées")).toBe("12\u202f345 lignes vérifiées");
  });
});
