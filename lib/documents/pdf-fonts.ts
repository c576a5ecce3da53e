import "server-only";
import fontkit from "@pdf-lib/fontkit";
import fs from "node:fs";
import path from "node:path";
import type { PDFDocument, PDFFont } from "pdf-lib";

// Documents are printed in DejaVu Sans Condensed (npm dejavu-fonts-ttf: Bitstream Vera's free
// licence), embedded as a subset of the glyphs each document uses: Latin with every accent, Greek
// and Cyrillic, so a patient named « Łukasz Wiśniewski » or « Ștefan Çelik » is printed as written
// (the standard PDF fonts only know Windows-1252). The condensed cut keeps Helvetica's width, which
// the layout was drawn for. lib/documents/printable-text.ts allows exactly what these fonts draw.
// (Noto Sans was tried first: pdf-lib's subsetting drops most of its glyphs.)

export type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

const FILES = { regular: "DejaVuSansCondensed.ttf", bold: "DejaVuSansCondensed-Bold.ttf", italic: "DejaVuSansCondensed-Oblique.ttf" } as const;
// Read from the package's folder at run time: the files are fonts, not modules to bundle.
const FOLDER = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");

type FontBytes = Record<keyof Fonts, Uint8Array>;
let bytes: FontBytes | undefined;

export function fontBytes(): FontBytes {
  bytes ??= {
    regular: new Uint8Array(fs.readFileSync(path.join(FOLDER, FILES.regular))),
    bold: new Uint8Array(fs.readFileSync(path.join(FOLDER, FILES.bold))),
    italic: new Uint8Array(fs.readFileSync(path.join(FOLDER, FILES.italic))),
  };
  return bytes;
}

// pdf-lib parses a font anew for every document, and fontkit reads a font's layout tables on its
// first measurement: 40–60 ms a document. The parsed fonts are kept, one per file, and shared by the
// documents (pdf-lib only reads them; each document subsets its own copy of the glyphs it uses).
const parsed = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
const keptFontkit = {
  create(data: Uint8Array) {
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};

/** Embeds the three faces of the documents' font into `pdf`, each subset to what it draws. */
export async function embedDocumentFonts(pdf: PDFDocument): Promise<Fonts> {
  pdf.registerFontkit(keptFontkit);
  const faces = fontBytes();
  const [regular, bold, italic] = await Promise.all([
    pdf.embedFont(faces.regular, { subset: true }),
    pdf.embedFont(faces.bold, { subset: true }),
    pdf.embedFont(faces.italic, { subset: true }),
  ]);
  return { regular, bold, italic };
}
