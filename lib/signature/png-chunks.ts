// A walk over a PNG's chunk list, without decoding pixels: enough to know the declared size before
// anything is decompressed, to refuse animated PNGs (an acTL chunk), and to tell a truncated file.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export type PngStructure = { kind: "ok"; width: number; height: number; chunks: string[] } | { kind: "animated" } | { kind: "damaged" };

export function readPngStructure(bytes: Uint8Array): PngStructure {
  if (!hasPngSignature(bytes)) return { kind: "damaged" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let offset = 8;
  let width = 0;
  let height = 0;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    // Length + type + data + CRC must fit in what is left of the file.
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff || offset + 12 + length > bytes.length) return { kind: "damaged" };
    if (chunks.length === 0) {
      if (type !== "IHDR" || length !== 13) return { kind: "damaged" };
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
    }
    if (type === "acTL") return { kind: "animated" };
    chunks.push(type);
    offset += 12 + length;
    if (type === "IEND") break;
  }
  if (chunks.at(-1) !== "IEND" || !chunks.includes("IDAT") || width === 0 || height === 0) return { kind: "damaged" };
  return { kind: "ok", width, height, chunks };
}
