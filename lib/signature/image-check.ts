import sharp from "sharp";
import { hasPngSignature, readPngStructure } from "./png-chunks";
import { dimensionsMessage, SIGNATURE_MAX_BYTES, SIGNATURE_MAX_SIDE, SIGNATURE_MESSAGES } from "./rules";

export { SIGNATURE_MAX_BYTES, SIGNATURE_MESSAGES } from "./rules";

// The signature upload's gate (docs/decisions/0008). The bytes decide, never the file name or the
// declared type: only PNG and JPEG are decoded, the declared size is checked before any pixel is
// decompressed, and what is kept is a fresh PNG encoded by sharp, without any metadata.

export type CheckedSignature = {
  ok: true;
  png: Buffer;
  width: number;
  height: number;
  /** No transparent pixel (always so for a JPEG): it will hide what lies under it on a document. */
  opaque: boolean;
  source: "png" | "jpeg";
};
export type RefusedSignature = { ok: false; message: string };

type Sniffed = "png" | "jpeg" | "gif" | "svg" | "pdf" | "text" | "unknown";

/** What the first bytes say the file is. */
export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (hasPngSignature(bytes)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "gif";
  if (head.startsWith("%PDF-")) return "pdf";
  const text = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (/<svg[\s>]/i.test(text)) return "svg";
  if (text.startsWith("<") || /^[\t\n\r\x20-\x7e]*$/.test(head)) return "text";
  return "unknown";
}

export async function checkSignatureImage(bytes: Uint8Array): Promise<CheckedSignature | RefusedSignature> {
  if (bytes.length === 0) return { ok: false, message: SIGNATURE_MESSAGES.empty };
  if (bytes.length > SIGNATURE_MAX_BYTES) return { ok: false, message: SIGNATURE_MESSAGES.tooLarge };
  const format = sniffFormat(bytes);
  if (format !== "png" && format !== "jpeg") return { ok: false, message: SIGNATURE_MESSAGES[format] };

  // The declared size, read from the header before anything is decompressed (a tiny file can
  // declare a huge image: a decompression bomb).
  let width: number;
  let height: number;
  if (format === "png") {
    const structure = readPngStructure(bytes);
    if (structure.kind !== "ok") return { ok: false, message: SIGNATURE_MESSAGES[structure.kind] };
    ({ width, height } = structure);
  } else {
    try {
      const meta = await sharp(bytes).metadata();
      if (meta.format !== "jpeg" || !meta.width || !meta.height) return { ok: false, message: SIGNATURE_MESSAGES.damaged };
      ({ width, height } = meta);
    } catch {
      return { ok: false, message: SIGNATURE_MESSAGES.damaged };
    }
  }
  if (width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE) return { ok: false, message: dimensionsMessage(width, height) };

  try {
    const input = sharp(bytes, {
      limitInputPixels: SIGNATURE_MAX_SIDE * SIGNATURE_MAX_SIDE,
      failOn: "error",
      animated: false,
      sequentialRead: true,
    });
    // rotate() applies a JPEG's EXIF orientation before the metadata is dropped; the output has
    // no EXIF, ICC or text chunks (sharp keeps none unless asked).
    const { data, info } = await input.rotate().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true });
    const opaque = format === "jpeg" || (await sharp(data).stats()).isOpaque;
    return { ok: true, png: data, width: info.width, height: info.height, opaque, source: format };
  } catch {
    return { ok: false, message: SIGNATURE_MESSAGES.damaged };
  }
}
