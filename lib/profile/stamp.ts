// The professional stamp (« Cachet »), laid out once from the profile (stampLayout): the browser's
// live preview draws it as SVG (stampSvg), documents draw the same layout into the PDF with the
// documents' font (lib/documents/pdf-stamp.ts). Pure: no server code.

export type StampData = {
  name: string;
  specialty: string | null;
  providerCode: string | null;
  street: string | null;
  postcode: string | null;
  locality: string | null;
  phone: string | null;
};

export type StampLine = { text: string; size: number; bold: boolean };

export const STAMP_WIDTH = 320;
const PADDING_X = 18;
const PADDING_Y = 16;
const LINE_GAP = 1.35;
/** Average glyph width of Helvetica/Arial, in em: enough to know when a line must be squeezed. */
const GLYPH_EM = { regular: 0.55, bold: 0.6 };

/** What the stamp says, top to bottom; lines without data are left out. */
export function stampLines(data: StampData): StampLine[] {
  const town = [data.postcode, data.locality].filter(Boolean).join(" ");
  const lines: (StampLine | null)[] = [
    { text: data.name, size: 17, bold: true },
    data.specialty ? { text: data.specialty, size: 13, bold: false } : null,
    data.providerCode ? { text: `Code prestataire ${data.providerCode}`, size: 12, bold: false } : null,
    data.street ? { text: data.street, size: 12, bold: false } : null,
    town ? { text: town, size: 12, bold: false } : null,
    data.phone ? { text: `Tél. ${data.phone}`, size: 12, bold: false } : null,
  ];
  return lines.filter((l): l is StampLine => l !== null && l.text.trim() !== "");
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

export const STAMP_INK = "#1e3a8a";

/** A line placed in the stamp: its baseline, and the width it is squeezed to when too long. */
export type PlacedLine = StampLine & { baseline: number; squeezeTo: number | null };
/** One of the two rounded frames, as SVG would draw it. */
export type StampFrame = { inset: number; radius: number; strokeWidth: number };

export type StampLayout = { width: number; height: number; frames: StampFrame[]; lines: PlacedLine[]; maxTextWidth: number };

/** Squeezed below this, a line is hard to read: it is cut between words onto the next line instead. */
const MIN_SQUEEZE = 0.8;

function estimatedWidth(text: string, line: StampLine): number {
  return [...text].length * line.size * (line.bold ? GLYPH_EM.bold : GLYPH_EM.regular);
}

/** A line far too long for the frame, cut between words into pieces that fit (a lone long word stays whole). */
function wrapped(line: StampLine, maxTextWidth: number): StampLine[] {
  if (estimatedWidth(line.text, line) <= maxTextWidth / MIN_SQUEEZE) return [line];
  const pieces: string[] = [];
  for (const word of line.text.split(/ +/)) {
    const last = pieces.at(-1);
    if (last !== undefined && estimatedWidth(`${last} ${word}`, line) <= maxTextWidth) pieces[pieces.length - 1] = `${last} ${word}`;
    else pieces.push(word);
  }
  return pieces.map((text) => ({ ...line, text }));
}

/** Where everything goes, in the stamp's own units (STAMP_WIDTH wide, y downwards). */
export function stampLayout(data: StampData): StampLayout {
  const maxTextWidth = STAMP_WIDTH - 2 * PADDING_X;
  let y = PADDING_Y;
  const lines = stampLines(data)
    .flatMap((line) => wrapped(line, maxTextWidth))
    .map((line) => {
      y += line.size;
      const placed = { ...line, baseline: y, squeezeTo: estimatedWidth(line.text, line) > maxTextWidth ? maxTextWidth : null };
      y += line.size * (LINE_GAP - 1);
      return placed;
    });
  return {
    width: STAMP_WIDTH,
    height: Math.ceil(y + PADDING_Y),
    frames: [
      { inset: 2, radius: 10, strokeWidth: 2.5 },
      { inset: 7, radius: 7, strokeWidth: 0.8 },
    ],
    lines,
    maxTextWidth,
  };
}

/**
 * The stamp as a standalone SVG document. A line a little too long for the frame is squeezed to fit;
 * a much longer one goes on over several lines; nothing is cut.
 */
export function stampSvg(data: StampData): string {
  const { width, height, frames, lines } = stampLayout(data);
  const texts = lines.map((line) => {
    const fit = line.squeezeTo !== null ? ` textLength="${line.squeezeTo}" lengthAdjust="spacingAndGlyphs"` : "";
    return `<text x="${width / 2}" y="${line.baseline.toFixed(1)}" font-size="${line.size}"${line.bold ? ' font-weight="700"' : ""}${fit}>${escapeXml(line.text)}</text>`;
  });
  const label = escapeXml(`Cachet de ${data.name}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    ...frames.map(
      (f) =>
        `<rect x="${f.inset}" y="${f.inset}" width="${width - 2 * f.inset}" height="${height - 2 * f.inset}" rx="${f.radius}" fill="none" stroke="${STAMP_INK}" stroke-width="${f.strokeWidth}"/>`,
    ),
    `<g fill="${STAMP_INK}" font-family="Helvetica, Arial, sans-serif" text-anchor="middle">${texts.join("")}</g>`,
    `</svg>`,
  ].join("");
}

/** For an <img src>: the SVG as a data URL (the page's image policy allows data:). */
export function stampDataUrl(data: StampData): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(stampSvg(data))}`;
}
