import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { degrees, drawImage, type PDFDocument, type PDFPage, type PDFRef } from "pdf-lib";
import sharp from "sharp";
import { recentResults } from "./recent-results";

// PNG images (stamp, signature, payment QR code) put into a PDF by native code. pdf-lib's own
// embedPng decodes the PNG and compresses its pixels again in JavaScript: about 60 ms of a
// document's 170 for the stamp and the signature (`npm run bench:pdf`). Here sharp decodes it and
// Node's zlib compresses the colour and alpha planes; the PDF is the same kind pdf-lib writes
// (FlateDecode RGB with a grey SMask). Prepared planes are kept for the images that come back.

type Planes = { width: number; height: number; rgb: Buffer; alpha: Buffer | null };

// Every document of a doctor carries the same stamp and signature.
const keep = recentResults<Planes>(64);

async function planesOf(png: Uint8Array): Promise<Planes> {
  // 8-bit sRGB with alpha whatever the PNG holds (grey, palette, 16 bits per channel).
  const { data, info } = await sharp(png).toColourspace("srgb").ensureAlpha().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`unexpected image layout: ${info.channels} channels`);
  const pixels = info.width * info.height;
  const rgb = Buffer.alloc(pixels * 3);
  const alpha = Buffer.alloc(pixels);
  let opaque = true;
  for (let i = 0; i < pixels; i++) {
    rgb[i * 3] = data[i * 4]!;
    rgb[i * 3 + 1] = data[i * 4 + 1]!;
    rgb[i * 3 + 2] = data[i * 4 + 2]!;
    alpha[i] = data[i * 4 + 3]!;
    if (alpha[i] !== 255) opaque = false;
  }
  return { width: info.width, height: info.height, rgb: deflateSync(rgb), alpha: opaque ? null : deflateSync(alpha) };
}

export type RasterImage = { width: number; height: number; ref: PDFRef };

/** Adds a PNG to the document as an image object; throws if the bytes are not an image sharp reads. */
export async function embedRaster(pdf: PDFDocument, png: Uint8Array): Promise<RasterImage> {
  const { width, height, rgb, alpha } = await keep(createHash("sha256").update(png).digest("base64"), () => planesOf(png));
  const image = { Type: "XObject", Subtype: "Image", Width: width, Height: height, BitsPerComponent: 8, Filter: "FlateDecode" };
  const smask = alpha ? pdf.context.register(pdf.context.stream(alpha, { ...image, ColorSpace: "DeviceGray" })) : null;
  const ref = pdf.context.register(pdf.context.stream(rgb, { ...image, ColorSpace: "DeviceRGB", ...(smask ? { SMask: smask } : {}) }));
  return { width, height, ref };
}

/** Paints an embedded image in a box of the page, as page.drawImage does. */
export function drawRaster(page: PDFPage, image: RasterImage, box: { x: number; y: number; width: number; height: number }): void {
  const name = page.node.newXObject("Image", image.ref);
  page.pushOperators(...drawImage(name, { ...box, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }));
}
