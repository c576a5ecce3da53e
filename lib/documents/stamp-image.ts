import "server-only";
import sharp from "sharp";
import { stampSvg, type StampData } from "@/lib/profile/stamp";

// The stamp is drawn once, as SVG (lib/profile/stamp.ts): the profile shows it, documents print it.
// pdf-lib embeds raster images only, so the SVG is rendered to a PNG at three times its size (sharp,
// librsvg), sharp at print resolution.

const DENSITY = 72 * 3;

export async function stampPng(data: StampData): Promise<Uint8Array> {
  const png = await sharp(Buffer.from(stampSvg(data)), { density: DENSITY }).png({ compressionLevel: 9 }).toBuffer();
  return new Uint8Array(png);
}
