import "server-only";
import fontkit from "@pdf-lib/fontkit";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { fontBytes } from "./pdf-fonts";
import { recentResults } from "./recent-results";

// The signature as a document carries it (docs/decisions/0030): never the uploaded PNG as it is,
// which anyone who can open the PDF (a secretary, a patient) could lift out and lay on another
// document, but a copy flattened onto white at print resolution with the document's number written
// across the strokes. What is lifted out of the PDF names the document it came from.

/** Pixels per point of the printed copy: 200 dpi, enough for print, little for reuse. */
const PIXELS_PER_POINT = 200 / 72;
/** The number's ink: the documents' brand blue, half see-through so the strokes stay legible. */
const NUMBER_INK = { fill: "#0b6e99", opacity: 0.45 };

type Box = { width: number; height: number };

/** The number as SVG paths (DejaVu Sans Condensed Bold's outlines): librsvg needs no font installed. */
let parsedFont: ReturnType<typeof fontkit.create> | undefined;

function numberPaths(text: string, box: Box): string {
  const font = (parsedFont ??= fontkit.create(fontBytes().bold));
  const run = font.layout(text);
  const advance = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
  // As large as fits: 90 % of the width, a third of the height.
  const scale = Math.min((box.width * 0.9) / advance, box.height / 3 / font.unitsPerEm);
  const left = (box.width - advance * scale) / 2;
  const baseline = box.height / 2 + (font.unitsPerEm * scale) / 3;
  let x = 0;
  const paths = run.glyphs.map((glyph, i) => {
    const d = glyph.path.toSVG();
    const at = x + run.positions[i]!.xOffset;
    x += run.positions[i]!.xAdvance;
    return d ? `<path transform="translate(${at} 0)" d="${d}"/>` : "";
  });
  // Font units have y going up; the image's go down.
  return `<g transform="matrix(${scale} 0 0 ${-scale} ${left} ${baseline})" fill="${NUMBER_INK.fill}" fill-opacity="${NUMBER_INK.opacity}">${paths.join("")}</g>`;
}

async function imprint(png: Uint8Array, number: string, box: Box): Promise<Buffer> {
  const limit = { width: Math.round(box.width * PIXELS_PER_POINT), height: Math.round(box.height * PIXELS_PER_POINT) };
  const fitted = await sharp(png)
    .resize({ ...limit, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = fitted.info;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${numberPaths(`N° ${number}`, { width, height })}</svg>`;
  return sharp(fitted.data)
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .removeAlpha()
    .png({ compressionLevel: 9 })
    .toBuffer();
}

// A document's PDF is drawn again each time it is opened: the same copy serves them.
const kept = recentResults<Buffer>(64);

/**
 * The signature of document `number`, ready for its box (`box` in points): an opaque PNG, the
 * uploaded image fitted to the box at 200 dpi on white, the number drawn across it.
 */
export function imprintedSignature(png: Uint8Array, number: string, box: Box): Promise<Buffer> {
  const key = `${createHash("sha256").update(png).digest("base64")}:${number}:${box.width}x${box.height}`;
  return kept(key, () => imprint(png, number, box));
}
