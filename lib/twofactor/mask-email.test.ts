import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("dr.weber@demo.doctipro.lu")).toBe("d***@demo.doctipro.lu");
    expect(maskEmail("j@example.lu")).toBe("j***@example.lu");
  });

  it("never shows more of the local part, however long", () => {
    expect(maskEmail("jean-claude.juncker@example.lu")).toBe("j***@example.lu");
  });

  it("hides everything of something that is not an address", () => {
    expect(maskEmail("nonsense")).toBe("***");
    expect(maskEmail("@example.lu")).toBe("***");
  });
});
