// The professional stamp (« Cachet »), drawn from the profile as a vector image (SVG): the same
// string is the live preview in the browser and what documents print. Pure: no server code.

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
const INK = "#1e3a8a";
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

/** The stamp as a standalone SVG document. A line too long for the frame is squeezed to fit, never cut. */
export function stampSvg(data: StampData): string {
  const lines = stampLines(data);
  const maxText = STAMP_WIDTH - 2 * PADDING_X;
  let y = PADDING_Y;
  const texts = lines.map((line) => {
    y += line.size;
    const estimated = [...line.text].length * line.size * (line.bold ? GLYPH_EM.bold : GLYPH_EM.regular);
    const fit = estimated > maxText ? ` textLength="${maxText}" lengthAdjust="spacingAndGlyphs"` : "";
    const text = `<text x="${STAMP_WIDTH / 2}" y="${y.toFixed(1)}" font-size="${line.size}"${line.bold ? ' font-weight="700"' : ""}${fit}>${escapeXml(line.text)}</text>`;
    y += line.size * (LINE_GAP - 1);
    return text;
  });
  const height = Math.ceil(y + PADDING_Y);
  const label = escapeXml(`Cachet de ${data.name}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${STAMP_WIDTH}" height="${height}" viewBox="0 0 ${STAMP_WIDTH} ${height}" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    `<rect x="2" y="2" width="${STAMP_WIDTH - 4}" height="${height - 4}" rx="10" fill="none" stroke="${INK}" stroke-width="2.5"/>`,
    `<rect x="7" y="7" width="${STAMP_WIDTH - 14}" height="${height - 14}" rx="7" fill="none" stroke="${INK}" stroke-width="0.8"/>`,
    `<g fill="${INK}" font-family="Helvetica, Arial, sans-serif" text-anchor="middle">${texts.join("")}</g>`,
    `</svg>`,
  ].join("");
}

/** For an <img src>: the SVG as a data URL (the page's image policy allows data:). */
export function stampDataUrl(data: StampData): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(stampSvg(data))}`;
}
