// What may be written on a document. The PDF is drawn in DejaVu Sans (lib/documents/pdf-fonts.ts):
// Latin with every accent (French, German, Luxembourgish, Portuguese, but also Polish, Romanian,
// Turkish, Vietnamese…), Greek, Cyrillic, « € », quotes and dashes. Anything else is refused at the
// form with a message, never dropped silently; control characters and the invisible marks that
// reverse the direction of writing (used to make « 0,05 € » read as « € 50,0 ») are refused
// outright. Pure: shared by the browser and the server.

/** C0 and C1 control characters; the line feed is allowed where a field has several lines. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
/** Bidirectional embeddings, overrides and isolates, and the marks that steer them. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Zero-width and other invisible characters that make two texts look alike. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;

/**
 * The code points the three faces of the documents' font all draw (pdf-fonts.test.ts checks each
 * one): Basic Latin, Latin-1 to Latin Extended-B with IPA and most modifier letters, Greek and
 * Cyrillic (without the unassigned points of their blocks), Latin Extended Additional, general
 * punctuation (not the line and paragraph separators nor the direction marks), currency signs,
 * letterlike symbols (« № », « ™ »).
 */
export const PRINTABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x02e9],
  [0x0370, 0x0377],
  [0x037a, 0x037f],
  [0x0384, 0x038a],
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x0525],
  [0x1e00, 0x1efb],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20a0, 0x20b5],
  [0x2100, 0x2109],
  [0x210b, 0x2149],
];

/** Whether the documents' font draws `char` (one code point). */
export function isPrintableChar(char: string): boolean {
  const code = char.codePointAt(0)!;
  return PRINTABLE_RANGES.some(([from, to]) => code >= from && code <= to);
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
    if (char !== "\n" && !isPrintableChar(char)) return `Le caractère « ${char} » ne peut pas être imprimé sur un document : remplacez-le.`;
  }
  return null;
}

/** Line breaks as « \n », Unicode composed (« é » one character, as the font has it). */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n");
}

/**
 * For text the app did not just check (names and addresses from the profile or the patient file):
 * the closest printable form. Control and invisible characters are dropped, French number spacing
 * becomes a no-break space, accents the font lacks are dropped, and whatever is left unprintable
 * becomes « ? ».
 */
export function toPrintable(text: string): string {
  let out = "";
  for (const char of normalizeText(text)) {
    if (char === "\n") out += char;
    else if (CONTROL.test(char) || BIDI.test(char) || INVISIBLE.test(char)) continue;
    else if (isPrintableChar(char)) out += char;
    else if (/[\u2000-\u200A\u202F\u205F]/u.test(char)) out += "\u00A0";
    else {
      const stripped = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += [...stripped].every(isPrintableChar) && stripped ? stripped : "?";
    }
  }
  return out;
}
