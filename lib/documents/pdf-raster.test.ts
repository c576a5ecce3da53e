import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readPdf } from "@/tests/support/pdf-reading";
import { drawRaster, embedRaster } from "./pdf-raster";
import { recentResults } from "./recent-results";

/** A 4×2 PNG: left half `left`, right half transparent (or `right` when opaque). */
async function png(options: { grey?: boolean; sixteenBits?: boolean; opaque?: boolean }): Promise<Uint8Array> {
  const pixels = Buffer.alloc(4 * 2 * 4);
  for (let y = 0; y < 2; y++)
    for (let x = 0; x < 4; x++) {
      const i = (y * 4 + x) * 4;
      const left = x < 2;
      pixels.set(left ? [200, 30, 30, 255] : [0, 0, 200, options.opaque ? 255 : 0], i);
    }
  let image = sharp(pixels, { raw: { width: 4, height: 2, channels: 4 } });
  if (options.grey) image = image.toColourspace("b-w");
  return new Uint8Array(
    await image
      .png(options.sixteenBits ? { palette: false } : {})
      .toColourspace(options.sixteenBits ? "rgb16" : options.grey ? "b-w" : "srgb")
      .toBuffer(),
  );
}

async function painted(bytes: Uint8Array) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  const image = await embedRaster(pdf, bytes);
  drawRaster(page, image, { x: 10, y: 20, width: 80, height: 40 });
  const read = await readPdf(await pdf.save());
  return { image, painted: read.pages[0]!.images };
}

const pixel = (rgba: Uint8ClampedArray, x: number) => [...rgba.slice(x * 4, x * 4 + 3)];

describe("embedRaster", () => {
  it("paints a PNG in its box, its transparent pixels white on paper", async () => {
    const { image, painted: images } = await painted(await png({}));
    expect(image).toMatchObject({ width: 4, height: 2 });
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ x: 10, y: 20, width: 80, height: 40, pixelWidth: 4, pixelHeight: 2 });
    expect(pixel(images[0]!.rgba, 0)).toEqual([200, 30, 30]);
    expect(pixel(images[0]!.rgba, 3)).toEqual([255, 255, 255]);
  });

  it("reads grey, 16-bit and opaque PNGs as well", async () => {
    const grey = (await painted(await png({ grey: true, opaque: true }))).painted[0]!;
    expect(pixel(grey.rgba, 0)[0]).toBe(pixel(grey.rgba, 0)[1]);
    const deep = (await painted(await png({ sixteenBits: true }))).painted[0]!;
    expect(pixel(deep.rgba, 0)).toEqual([200, 30, 30]);
    const opaque = (await painted(await png({ opaque: true }))).painted[0]!;
    expect(pixel(opaque.rgba, 3)).toEqual([0, 0, 200]);
  });

  it("refuses bytes that are not an image", async () => {
    await expect(embedRaster(await PDFDocument.create(), new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});

describe("recentResults", () => {
  it("computes a key once while kept, forgets the least recently used, and never keeps a failure", async () => {
    let made = 0;
    const keep = recentResults<number>(2);
    const make = (n: number) => () => Promise.resolve((made++, n));
    expect(await Promise.all([keep("a", make(1)), keep("a", make(1))])).toEqual([1, 1]);
    await keep("b", make(2));
    await keep("a", make(1)); // a is now the most recent
    await keep("c", make(3)); // b goes
    expect(made).toBe(3);
    await keep("a", make(1));
    expect(made).toBe(3);
    await keep("b", make(2));
    expect(made).toBe(4);
    await expect(keep("d", () => Promise.reject(new Error("non")))).rejects.toThrow("non");
    expect(await keep("d", make(4))).toBe(4);
  });
});
