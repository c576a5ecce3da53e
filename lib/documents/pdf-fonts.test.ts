import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { embedDocumentFonts, fontBytes } from "./pdf-fonts";
import { isPrintableChar, PRINTABLE_RANGES } from "./printable-text";

describe("the documents' font", () => {
  it("draws every character a document may hold, in each of its three faces", () => {
    const faces = Object.values(fontBytes()).map((bytes) => fontkit.create(bytes));
    const missing: string[] = [];
    let checked = 0;
    for (const [from, to] of PRINTABLE_RANGES) {
      for (let code = from; code <= to; code++) {
        checked++;
        if (!faces.every((face) => face.hasGlyphForCodePoint(code))) missing.push(`U+${code.toString(16).toUpperCase()}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(1500);
    expect(isPrintableChar("王")).toBe(false);
  });

  it("embeds only the glyphs a document uses, and the same text always gives the same file", async () => {
    const draw = async () => {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      const fonts = await embedDocumentFonts(pdf);
      pdf.addPage().drawText("Łukasz Wiśniewski", { font: fonts.regular, size: 11, x: 40, y: 700 });
      return Buffer.from(await pdf.save({ useObjectStreams: false }));
    };
    const first = await draw();
    expect(first.length).toBeLessThan(20_000);
    expect((await draw()).equals(first)).toBe(true);
  });
});
