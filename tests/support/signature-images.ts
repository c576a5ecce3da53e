import sharp from "sharp";
import { crc32, deflateSync } from "node:zlib";

// Files for the signature upload tests, made on the spot: a good signature, and every kind of file
// the upload must refuse. Shared by the unit tests and the browser tests.

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), Buffer.from(data)]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Dark strokes on a transparent background: what a scanned, cleaned-up signature looks like. */
export async function transparentSignaturePng(width = 600, height = 200): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="M20 ${height * 0.7} C ${width * 0.2} 10, ${width * 0.35} ${height}, ${width * 0.5} ${height * 0.4} S ${width * 0.8} 20, ${width - 20} ${height * 0.6}" stroke="#0f172a" stroke-width="6" fill="none"/></svg>`;
  return sharp(Buffer.from(svg))
    .png()
    .withMetadata({ exif: { IFD0: { Artist: "Test Signataire" } } })
    .toBuffer();
}

export async function opaqueSignatureJpeg(): Promise<Buffer> {
  return sharp(await transparentSignaturePng())
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Exactly `size` bytes of a valid PNG followed by padding after IEND (still a PNG at heart). */
export async function pngOfSize(size: number): Promise<Buffer> {
  const png = await transparentSignaturePng();
  // Pad inside an ancillary chunk so the file stays well-formed: its size alone must get it refused.
  const padding = size - png.length - 12;
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk("zzPd", Buffer.alloc(padding)), png.subarray(iend)]);
}

export function svgSignature(): Buffer {
  return Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
}

export function htmlPage(): Buffer {
  return Buffer.from("<!doctype html><html><body><script>document.location='https://example.org'</script></body></html>");
}

export function pdfDocument(): Buffer {
  return Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}

export async function truncatedPng(): Promise<Buffer> {
  const png = await transparentSignaturePng();
  return png.subarray(0, Math.floor(png.length * 0.6));
}

/** A real decompression bomb: a valid 1-bit PNG of 20000 × 20000 pixels whose zeros deflate to a few kB. */
export function decompressionBombPng(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = 1 + Math.ceil(side / 8);
  const idat = deflateSync(Buffer.alloc(row * side), { level: 9 });
  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

/** An APNG: a valid PNG with an animation control chunk (2 frames declared) before its image data. */
export async function animatedPng(): Promise<Buffer> {
  const png = await transparentSignaturePng(60, 20);
  const afterIhdr = 8 + 12 + 13;
  const actl = Buffer.alloc(8);
  actl.writeUInt32BE(2, 0);
  return Buffer.concat([png.subarray(0, afterIhdr), chunk("acTL", actl), png.subarray(afterIhdr)]);
}

export async function animatedGif(): Promise<Buffer> {
  const frame = (colour: string) =>
    sharp({ create: { width: 40, height: 20, channels: 4, background: colour } })
      .png()
      .toBuffer();
  return sharp([await frame("#0f172a"), await frame("#1e3a8a")], { join: { animated: true } })
    .gif()
    .toBuffer();
}
