import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { PALETTE, VISIT_REASON_COLOURS } from "@/lib/agenda/palette";

// The grid's blocks take their motif colour from a class of agenda-board.module.css rather than
// inline styles: the class must paint what the palette (and its contrast test) says.
it("gives every motif colour a block class with the palette's background, border and text", () => {
  const css = fs.readFileSync(path.join(import.meta.dirname, "agenda-board.module.css"), "utf8");
  for (const colour of VISIT_REASON_COLOURS) {
    const rule = new RegExp(`\\.${colour} \\{([^}]*)\\}`).exec(css)?.[1] ?? "";
    const declared = Object.fromEntries(
      rule
        .split(";")
        .map((d) => d.split(":").map((part) => part.trim()))
        .filter(([property]) => property),
    );
    const { background, border, text } = PALETTE[colour];
    expect(declared, colour).toEqual({ background, "border-color": border, color: text });
  }
});
