import { describe, expect, it } from "vitest";
import { characterCount, MESSAGE_MAX_CHARACTERS, messageBodySchema } from "./schema";

const parse = (s: unknown) => messageBodySchema.safeParse(s);

describe("chat message body", () => {
  it("accepts 4,000 characters and refuses 4,001 with a French message", () => {
    expect(parse("a".repeat(MESSAGE_MAX_CHARACTERS)).success).toBe(true);
    const refused = parse("a".repeat(MESSAGE_MAX_CHARACTERS + 1));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("Un message ne peut pas dépasser 4\u202f000 caractères.");
  });

  it("counts characters as people do: an emoji is one, not two UTF-16 units", () => {
    expect(characterCount("🩺")).toBe(1);
    expect(parse("🩺".repeat(MESSAGE_MAX_CHARACTERS)).success).toBe(true);
    expect(parse("🩺".repeat(MESSAGE_MAX_CHARACTERS + 1)).success).toBe(false);
  });

  it("trims, and counts the limit after trimming", () => {
    expect(parse("  bonjour \n").data).toBe("bonjour");
    expect(parse(`   ${"a".repeat(MESSAGE_MAX_CHARACTERS)}   `).success).toBe(true);
  });

  it("refuses empty and blank messages", () => {
    for (const blank of ["", "   ", "\n\t\n"]) expect(parse(blank).error?.issues[0]?.message).toBe("Écrivez un message.");
    expect(parse(undefined).success).toBe(false);
    expect(parse(42).success).toBe(false);
  });

  it("keeps HTML and Markdown as the characters typed: they are shown, never interpreted", () => {
    const text = '<script>alert("x")</script> [lien](javascript:alert(1)) <img src=x onerror=alert(1)>';
    expect(parse(text).data).toBe(text);
  });

  it("keeps line breaks (Windows ones become \\n) and tabs", () => {
    expect(parse("ligne 1\r\nligne 2\rligne 3\tfin").data).toBe("ligne 1\nligne 2\nligne 3\tfin");
  });

  it("refuses control characters and bidirectional overrides", () => {
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u202Eb", "a\u2066b", "a\u0085b"]) {
      expect(parse(bad).error?.issues[0]?.message).toBe("Le message contient des caractères de contrôle non autorisés.");
    }
  });
});
