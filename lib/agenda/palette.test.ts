import { describe, expect, it } from "vitest";
import { PALETTE, VISIT_REASON_COLOURS } from "./palette";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("motif palette", () => {
  it("covers every colour the database accepts, each readable (AAA for text, 3:1 for borders)", () => {
    expect(Object.keys(PALETTE).sort()).toEqual([...VISIT_REASON_COLOURS].sort());
    for (const colour of Object.values(PALETTE)) {
      expect(contrast(colour.text, colour.background)).toBeGreaterThanOrEqual(7);
      expect(contrast(colour.border, colour.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(colour.border, "#ffffff")).toBeGreaterThanOrEqual(3);
    }
  });
});
