import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  animatedGif,
  animatedPng,
  decompressionBombPng,
  htmlPage,
  opaqueSignatureJpeg,
  pdfDocument,
  pngOfSize,
  svgSignature,
  transparentSignaturePng,
  truncatedPng,
} from "@/tests/support/signature-images";
import { checkSignatureImage, SIGNATURE_MAX_BYTES, SIGNATURE_MESSAGES } from "./image-check";
import { readPngStructure } from "./png-chunks";

async function refusal(bytes: Uint8Array): Promise<string> {
  const result = await checkSignatureImage(bytes);
  if (result.ok) throw new Error("expected a refusal");
  return result.message;
}

describe("checkSignatureImage", () => {
  it("keeps a transparent PNG, re-encoded as a PNG without its metadata", async () => {
    const input = await transparentSignaturePng();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const result = await checkSignatureImage(input);
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ width: 600, height: 200, opaque: false, source: "png" });
    const meta = await sharp(result.png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    const structure = readPngStructure(result.png);
    expect(structure.kind).toBe("ok");
    // Nothing but pixels (pHYs is the pixel density): no text, EXIF, colour profile or timestamp.
    if (structure.kind === "ok") expect(structure.chunks.filter((c) => !["IHDR", "IDAT", "IEND", "PLTE", "tRNS", "pHYs"].includes(c))).toEqual([]);
  });

  it("accepts a JPEG and flags it as opaque", async () => {
    const result = await checkSignatureImage(await opaqueSignatureJpeg());
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ opaque: true, source: "jpeg" });
    expect((await sharp(result.png).metadata()).format).toBe("png");
  });

  it("flags a PNG without any transparent pixel as opaque", async () => {
    const flat = await sharp(await transparentSignaturePng())
      .flatten({ background: "#ffffff" })
      .png()
      .toBuffer();
    const result = await checkSignatureImage(flat);
    expect(result.ok && result.opaque).toBe(true);
  });

  it("accepts exactly 2 MB and refuses one byte more", async () => {
    expect((await checkSignatureImage(await pngOfSize(SIGNATURE_MAX_BYTES))).ok).toBe(true);
    expect(await refusal(await pngOfSize(SIGNATURE_MAX_BYTES + 1))).toBe(SIGNATURE_MESSAGES.tooLarge);
  });

  it("refuses what is not a PNG or JPEG, whatever it would be named", async () => {
    expect(await refusal(svgSignature())).toBe(SIGNATURE_MESSAGES.svg);
    expect(await refusal(htmlPage())).toBe(SIGNATURE_MESSAGES.text);
    expect(await refusal(pdfDocument())).toBe(SIGNATURE_MESSAGES.pdf);
    expect(await refusal(await animatedGif())).toBe(SIGNATURE_MESSAGES.gif);
    expect(await refusal(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x80]))).toBe(SIGNATURE_MESSAGES.unknown);
    expect(await refusal(new Uint8Array())).toBe(SIGNATURE_MESSAGES.empty);
  });

  it("refuses an animated PNG", async () => {
    expect(await refusal(await animatedPng())).toBe(SIGNATURE_MESSAGES.animated);
  });

  it("refuses a truncated PNG, and one whose image data is corrupt", async () => {
    expect(await refusal(await truncatedPng())).toBe(SIGNATURE_MESSAGES.damaged);
    const png = Buffer.from(await transparentSignaturePng());
    const idat = png.indexOf("IDAT", 0, "latin1");
    png.fill(0xaa, idat + 20, idat + 60);
    expect(await refusal(png)).toBe(SIGNATURE_MESSAGES.damaged);
  });

  it("refuses a truncated JPEG", async () => {
    const jpeg = await opaqueSignatureJpeg();
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe(SIGNATURE_MESSAGES.damaged);
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    expect(await refusal(bomb)).toMatch(/20\u202f000 × 20\u202f000 pixels : 3\u202f000 × 3\u202f000 au plus/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses an image just over 3000 pixels on one side", async () => {
    const wide = await sharp({ create: { width: 3001, height: 10, channels: 4, background: "#00000000" } })
      .png()
      .toBuffer();
    expect(await refusal(wide)).toMatch(/3\u202f001 × 10 pixels/);
  });
});
