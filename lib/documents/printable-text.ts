// What may be written on a document. The PDF is drawn with the standard Helvetica font, whose
// alphabet is Windows-1252 (« WinAnsi »): every French, German, Luxembourgish and Portuguese letter,
// « € », quotes and dashes. Anything else is refused at the form with a message, never dropped
// silently; control characters and the invisible marks that reverse the direction of writing
// (used to make « 0,05 € » read as « € 50,0 ») are refused outright. Pure: shared by the browser
// and the server.

/** C0 and C1 control characters; the line feed is allowed where a field has several lines. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
/** Bidirectional embeddings, overrides and isolates, and the marks that steer them. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Zero-width and other invisible characters that make two texts look alike. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;

/** The characters Windows-1252 has above Latin-1's range (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set([..."€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"]);

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `text` cannot be printed, in French, or null when it can. */
export function printableProblem(text: string, { multiline = false } = {}): string | null {
  const control = text.match(CONTROL);
  if (control && !(multiline && control[0] === "\n")) {
    return `Le texte contient un caractère de contrôle (${codePoint(control[0])}) : retirez-le.`;
  }
  if (!multiline && text.includes("\n")) return "Ce champ tient sur une seule ligne.";
  const bidi = text.match(BIDI) ?? text.match(INVISIBLE);
  if (bidi) return `Le texte contient un caractère invisible qui modifie son affichage (${codePoint(bidi[0])}) : retirez-le.`;
  for (const char of text) {
    if (char !== "\n" && !isWinAnsi(char)) return `Le caractère « ${char} » ne peut pas être imprimé sur un document : remplacez-le.`;
  }
  return null;
}

/** Line breaks as « \n », Unicode composed (« é » one character, as the font has it). */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n");
}

/**
 * For text the app did not just check (names and addresses from the profile or the patient file):
 * the closest printable form. Accents the font lacks are dropped (« ő » → « o »), French number
 * spacing becomes a no-break space, and whatever is left unprintable becomes « ? ».
 */
export function toPrintable(text: string): string {
  let out = "";
  for (const char of normalizeText(text)) {
    if (char === "\n" || isWinAnsi(char)) out += char;
    else if (/[\u2000-\u200A\u202F\u205F]/u.test(char)) out += "\u00A0";
    else if (CONTROL.test(char) || BIDI.test(char) || INVISIBLE.test(char)) continue;
    else {
      const stripped = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += [...stripped].every(isWinAnsi) && stripped ? stripped : "?";
    }
  }
  return out;
}
