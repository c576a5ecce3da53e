import jsQR from "jsqr";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFPage } from "pdf-lib";

// Reads back a generated PDF the way a viewer would: each page's content stream is decoded and
// interpreted just enough to list the text it shows (in order) and the images it paints, with the
// box each one covers on the page. Used by the tests only; assumes the simple streams pdf-lib
// writes (hex-string Tj text, images through cm + Do). The documents embed their font: text is read
// through its ToUnicode map (pdf-lib writes one bfchar entry per glyph).

export type PaintedImage = {
  name: string;
  pixelWidth: number;
  pixelHeight: number;
  x: number;
  y: number;
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
};
/** A piece of text where it is drawn: its start on the page, its font size, its squeeze (Tz, 1 = none). */
export type PlacedText = { text: string; x: number; y: number; size: number; squeeze: number };
export type ReadPage = { texts: string[]; placed: PlacedText[]; images: PaintedImage[]; width: number; height: number };
export type ReadPdf = { pages: ReadPage[]; text: string; title: string | undefined };

/** Glyph code → text, from an embedded font's ToUnicode CMap. */
function toUnicodeOf(font: PDFDict | undefined, doc: PDFDocument): Map<number, string> {
  const ref = font?.get(PDFName.of("ToUnicode"));
  if (!(ref instanceof PDFRef)) throw new Error("text drawn in a font without a ToUnicode map (not an embedded font)");
  const cmap = Buffer.from(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()).toString("latin1");
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const units = Buffer.from(text!, "hex");
      map.set(parseInt(code!, 16), String.fromCharCode(...Array.from({ length: units.length / 2 }, (_, i) => units.readUInt16BE(i * 2))));
    }
  }
  return map;
}

function decodeText(bytes: Buffer, toUnicode: Map<number, string>): string {
  return Array.from({ length: bytes.length / 2 }, (_, i) => toUnicode.get(bytes.readUInt16BE(i * 2)) ?? "\uFFFD").join("");
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function contentBytes(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  const parts = streams.map((s) => (s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : new Uint8Array()));
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

function imagePixels(stream: PDFRawStream, doc: PDFDocument): { width: number; height: number; rgba: Uint8ClampedArray } {
  const dict = stream.dict;
  const width = (dict.get(PDFName.of("Width")) as PDFNumber).asNumber();
  const height = (dict.get(PDFName.of("Height")) as PDFNumber).asNumber();
  const colorSpace = String(dict.get(PDFName.of("ColorSpace")));
  const raw = decodePDFRawStream(stream).decode();
  const channels = colorSpace === "/DeviceGray" ? 1 : 3;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = channels === 1 ? [raw[i]!, raw[i]!, raw[i]!] : [raw[i * 3]!, raw[i * 3 + 1]!, raw[i * 3 + 2]!];
    rgba.set([r, g, b, 255], i * 4);
  }
  // Transparent pixels are white on paper.
  const smaskRef = dict.get(PDFName.of("SMask"));
  if (smaskRef instanceof PDFRef) {
    const alpha = decodePDFRawStream(doc.context.lookup(smaskRef) as PDFRawStream).decode();
    for (let i = 0; i < width * height; i++) {
      const a = alpha[i]! / 255;
      for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round(rgba[i * 4 + c]! * a + 255 * (1 - a));
    }
  }
  return { width, height, rgba };
}

function readPage(page: PDFPage, doc: PDFDocument): ReadPage {
  const source = Buffer.from(contentBytes(page)).toString("latin1");
  const tokens = source.match(/\/[^\s/[\]<>()]+|<[0-9A-Fa-f\s]*>|\(([^\\)]|\\.)*\)|\[|\]|[^\s/[\]<>()]+/g) ?? [];
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict);
  let toUnicode = new Map<number, string>();
  const texts: string[] = [];
  const placed: PlacedText[] = [];
  const images: PaintedImage[] = [];
  let ctm: Matrix = IDENTITY;
  let squeeze = 1;
  let size = 0;
  let at = { x: 0, y: 0 };
  const stack: { ctm: Matrix; squeeze: number }[] = [];
  let operands: string[] = [];
  for (const token of tokens) {
    if (/^[A-Za-z'"*]+$/.test(token) && !["true", "false", "null"].includes(token)) {
      switch (token) {
        case "q":
          stack.push({ ctm, squeeze });
          break;
        case "Q":
          ({ ctm, squeeze } = stack.pop() ?? { ctm: IDENTITY, squeeze: 1 });
          break;
        case "Tz":
          squeeze = Number(operands.at(-1)) / 100;
          break;
        case "Tm":
          at = { x: Number(operands.at(-2)), y: Number(operands.at(-1)) };
          break;
        case "cm":
          ctm = multiply(operands.slice(-6).map(Number) as Matrix, ctm);
          break;
        case "Tf":
          toUnicode = toUnicodeOf(fonts?.lookupMaybe(PDFName.of((operands.at(-2) ?? "").slice(1)), PDFDict), doc);
          size = Number(operands.at(-1));
          break;
        case "Tj": {
          const hex = operands.at(-1) ?? "";
          if (!hex.startsWith("<")) break;
          const text = decodeText(Buffer.from(hex.slice(1, -1).replace(/\s/g, ""), "hex"), toUnicode);
          texts.push(text);
          placed.push({ text, ...at, size, squeeze });
          break;
        }
        case "Do": {
          const name = (operands.at(-1) ?? "").slice(1);
          const stream = xObjects?.lookup(PDFName.of(name));
          if (stream instanceof PDFRawStream && String(stream.dict.get(PDFName.of("Subtype"))) === "/Image") {
            const { width, height, rgba } = imagePixels(stream, doc);
            images.push({ name, pixelWidth: width, pixelHeight: height, x: ctm[4], y: ctm[5], width: ctm[0], height: ctm[3], rgba });
          }
          break;
        }
      }
      operands = [];
    } else {
      operands.push(token);
    }
  }
  const { width, height } = page.getSize();
  return { texts, placed, images, width, height };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((p) => readPage(p, doc));
  return { pages, text: pages.flatMap((p) => p.texts).join("\n"), title: doc.getTitle() };
}

/** The text of a QR code painted as an image, or null when the image holds none. */
export function decodeQr(image: PaintedImage): string | null {
  return jsQR(image.rgba, image.pixelWidth, image.pixelHeight)?.data ?? null;
}
