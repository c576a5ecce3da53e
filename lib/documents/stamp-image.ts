import "server-only";
import sharp from "sharp";
import { stampSvg, type StampData } from "@/lib/profile/stamp";
import { recentResults } from "./recent-results";

// The stamp is drawn once, as SVG (lib/profile/stamp.ts): the profile shows it, documents print it.
// pdf-lib embeds raster images only, so the SVG is rendered to a PNG at three times its size (sharp,
// librsvg), sharp at print resolution.

const DENSITY = 72 * 3;

// Rendering takes librsvg about 50 ms; every document of a doctor carries the same stamp, so the
// last few are kept (by their SVG, which holds all they show).
const keep = recentResults<Uint8Array>(64);

export function stampPng(data: StampData): Promise<Uint8Array> {
  const svg = stampSvg(data);
  return keep(svg, () =>
    sharp(Buffer.from(svg), { density: DENSITY })
      .png()
      .toBuffer()
      .then((bytes) => new Uint8Array(bytes)),
  );
}
