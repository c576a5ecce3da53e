import { popGraphicsState, pushGraphicsState, rgb, setCharacterSqueeze, type PDFPage } from "pdf-lib";
import { STAMP_INK, type StampLayout } from "@/lib/profile/stamp";
import type { Fonts } from "./pdf-fonts";
import { toPrintable } from "./printable-text";

// The stamp drawn into the PDF as vectors, from the same layout as the profile's SVG preview
// (lib/profile/stamp.ts), in the documents' font: sharp and librsvg are not involved, so the stamp
// needs no font installed on the server and stays sharp at any zoom.

const INK = rgb(parseInt(STAMP_INK.slice(1, 3), 16) / 255, parseInt(STAMP_INK.slice(3, 5), 16) / 255, parseInt(STAMP_INK.slice(5, 7), 16) / 255);

function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  return [
    `M ${x + r} ${y}`,
    `H ${x + w - r}`,
    `A ${r} ${r} 0 0 1 ${x + w} ${y + r}`,
    `V ${y + h - r}`,
    `A ${r} ${r} 0 0 1 ${x + w - r} ${y + h}`,
    `H ${x + r}`,
    `A ${r} ${r} 0 0 1 ${x} ${y + h - r}`,
    `V ${y + r}`,
    `A ${r} ${r} 0 0 1 ${x + r} ${y}`,
    "Z",
  ].join(" ");
}

/** Draws a stamp laid out by stampLayout, `width` points wide, its top-left corner at (left, top). */
export function drawStamp(
  page: PDFPage,
  fonts: Fonts,
  layout: StampLayout,
  { left, top, width }: { left: number; top: number; width: number },
): void {
  const scale = width / layout.width;
  for (const frame of layout.frames) {
    const path = roundedRect(frame.inset, frame.inset, layout.width - 2 * frame.inset, layout.height - 2 * frame.inset, frame.radius);
    page.drawSvgPath(path, { x: left, y: top, scale, borderColor: INK, borderWidth: frame.strokeWidth });
  }
  for (const line of layout.lines) {
    const text = toPrintable(line.text);
    const font = line.bold ? fonts.bold : fonts.regular;
    const size = line.size * scale;
    const natural = font.widthOfTextAtSize(text, size);
    // Squeezed like the preview's textLength, never cut: only when the text is wider than the frame.
    const room = layout.maxTextWidth * scale;
    const squeeze = natural > room ? room / natural : 1;
    const drawn = natural * squeeze;
    const baseline = top - line.baseline * scale;
    if (squeeze < 1) page.pushOperators(pushGraphicsState(), setCharacterSqueeze(squeeze * 100));
    page.drawText(text, { x: left + (width - drawn) / 2, y: baseline, size, font, color: INK });
    if (squeeze < 1) page.pushOperators(popGraphicsState());
  }
}
