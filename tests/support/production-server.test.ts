import fs from "node:fs";
import { expect, it } from "vitest";
import { PRODUCTION_NODE_FLAGS } from "./production-server";

it("npm start runs the bundled server with the flags the benchmarks measure", () => {
  const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  expect(scripts.start).toBe(`NODE_ENV=production node ${PRODUCTION_NODE_FLAGS.join(" ")} .next/doctipro-server.mjs`);
  expect(scripts["build:server"]).toContain("--outfile=.next/doctipro-server.mjs");
});
