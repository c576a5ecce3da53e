import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { STAMP_WIDTH, stampDataUrl, stampLayout, stampLines, stampSvg, type StampData } from "./stamp";

const schmit: StampData = {
  name: "Dr Paul Schmit",
  specialty: "Médecine générale",
  providerCode: "123456-78",
  street: "12, rue de la Gare",
  postcode: "L-1234",
  locality: "Luxembourg",
  phone: "+352 26 12 34 56",
};

describe("stamp", () => {
  it("prints name, specialty, code prestataire, address and phone, in that order", () => {
    expect(stampLines(schmit).map((l) => l.text)).toEqual([
      "Dr Paul Schmit",
      "Médecine générale",
      "Code prestataire 123456-78",
      "12, rue de la Gare",
      "L-1234 Luxembourg",
      "Tél. +352 26 12 34 56",
    ]);
  });

  it("leaves out what the profile does not have, and gets shorter", () => {
    const bare = { ...schmit, specialty: null, providerCode: null, street: null, postcode: null, locality: null, phone: null };
    expect(stampLines(bare).map((l) => l.text)).toEqual(["Dr Paul Schmit"]);
    const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height(stampSvg(bare))).toBeLessThan(height(stampSvg(schmit)));
  });

  it("is a vector image: text and shapes only, nothing embedded", () => {
    const svg = stampSvg(schmit);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<image|<script|<foreignObject|href=/);
    expect(svg.match(/<text /g)).toHaveLength(6);
  });

  it("escapes what the doctor typed", () => {
    const svg = stampSvg({ ...schmit, name: `Dr <script>"O'Neil" & Co</script>` });
    expect(svg).toContain("Dr &lt;script&gt;&quot;O&apos;Neil&quot; &amp; Co&lt;/script&gt;");
    expect(svg).not.toContain("<script>");
  });

  it("squeezes a line a little too long for the frame, and puts a much longer one on several lines, never cutting it", () => {
    const svg = stampSvg({ ...schmit, specialty: "Chirurgie orthopédique et traumatologique" });
    expect(svg).toMatch(new RegExp(`textLength="${STAMP_WIDTH - 36}" lengthAdjust="spacingAndGlyphs">Chirurgie orthopédique`));
    expect(stampSvg(schmit)).not.toContain("textLength");

    const name = "Dr Marie-Christine van den Berghe-Schmitz de Lëtzebuerg-Wagner";
    const long = stampLayout({ ...schmit, name, specialty: "Médecine physique et de réadaptation, rééducation fonctionnelle" });
    const nameLines = long.lines.filter((l) => l.bold);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.map((l) => l.text).join(" ")).toBe(name);
    expect(
      long.lines
        .filter((l) => !l.bold && l.size === 13)
        .map((l) => l.text)
        .join(" "),
    ).toBe("Médecine physique et de réadaptation, rééducation fonctionnelle");
    expect(long.height).toBeGreaterThan(stampLayout(schmit).height);
    for (const line of long.lines) expect(line.baseline).toBeLessThan(long.height);
  });

  it("renders as a well-formed image of the announced size", async () => {
    const meta = await sharp(Buffer.from(stampSvg(schmit))).metadata();
    expect(meta.format).toBe("svg");
    expect(meta.width).toBe(STAMP_WIDTH);
    expect(stampDataUrl(schmit)).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });
});
