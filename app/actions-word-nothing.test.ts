import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";

// Decision 0020: a server action or route handler maps a domain result to its sentence through the
// domain's messages module (lib/<domain>/messages.ts); it writes no sentence of its own, so that the
// same result reads the same wherever it is answered. This test reads every actions.ts and route.ts
// under app/ and fails on a string that reads as a sentence (a capital, then words), outside an
// `Error` thrown for a bug or a log line.

const ROOT = path.resolve(import.meta.dirname, "..");

function entryPoints(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryPoints(full);
    return /^(actions|route)\.ts$/.test(entry.name) ? [full] : [];
  });
}

const SENTENCE = /^[A-ZÀ-Ý][\p{L}'’-]*\s+[\p{L}\d«]/u;

function sentencesIn(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const exempt = (node: ts.Node): boolean => {
    for (let up = node.parent; up; up = up.parent) {
      if (ts.isNewExpression(up) && /Error$/.test(up.expression.getText(source))) return true;
      if (ts.isCallExpression(up) && /^console\./.test(up.expression.getText(source))) return true;
      if (ts.isImportDeclaration(up)) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) &&
      SENTENCE.test(node.text) &&
      !exempt(node)
    )
      found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it("no server action or route handler under app/ writes a sentence of its own", () => {
  const files = entryPoints(path.join(ROOT, "app"));
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.flatMap((file) => sentencesIn(file).map((text) => `${path.relative(ROOT, file)}: « ${text} »`));
  expect(offenders).toEqual([]);
});

it("recognises a sentence, and leaves a bug's Error alone", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sentences-")), "actions.ts");
  fs.writeFileSync(file, `export const a = () => ({ formError: "Corrigez le champ." });\nthrow new Error("Not a sentence for a person");\n`);
  try {
    expect(sentencesIn(file)).toEqual(["Corrigez le champ."]);
  } finally {
    fs.rmSync(file);
  }
});
