import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { payconiqPaymentLink } from "@/lib/payments/payconiq";
import { stampLines } from "@/lib/profile/stamp";
import { decodeQr, readPdf, type PaintedImage, type PlacedText } from "@/tests/support/pdf-reading";
import { transparentSignaturePng } from "@/tests/support/signature-images";
import { feeNotePaymentLink, PAGE, renderDocumentPdf, SIGNATURE_BOX, STAMP_DRAW_WIDTH, type PrintableDocument } from "./pdf-render";

// The PDF is read back (tests/support/pdf-reading.ts): its text, which images it paints and where,
// and the QR code decoded from the painted pixels.

const MERCHANT = "5c8a7b2e9f1d4a0012ab34cd";

const header: PrintableDocument["header"] = {
  doctor: {
    name: "Dr Paul Schmit",
    specialty: "Médecine générale",
    providerCode: "601234-12",
    street: "12, rue de la Gare",
    postcode: "L-1611",
    locality: "Luxembourg",
    phone: "+352 26 12 34 56",
    website: null,
  },
  patient: { name: "Nora Wagner-Ferreira", matricule: "1980050212345", birthDate: "1980-05-02" },
  payment: { iban: "LU980019400644750001", ibanHolder: "Dr Paul Schmit", payconiqMerchantId: MERCHANT },
};

const feeNote: PrintableDocument = {
  kind: "fee_note",
  number: "2026-000123",
  issuedOn: "2026-11-24",
  content: {
    lines: [
      { code: "C1", label: "Consultation du médecin généraliste", quantity: 1, unitCents: 5480 },
      { code: "V12", label: "Électrocardiogramme", quantity: 2, unitCents: 1875 },
    ],
  },
  totalCents: 5480 + 2 * 1875,
  paid: false,
  header,
  createdAt: new Date("2026-11-24T09:30:00Z"),
  replacesNumber: null,
  cancelledByNumber: null,
};

const prescription: PrintableDocument = {
  ...feeNote,
  kind: "prescription",
  number: "2026-000124",
  content: { lines: [{ medication: "Amoxicilline 1 g", dosage: "1 comprimé 3 fois par jour pendant 7 jours" }], notes: "À renouveler une fois." },
  totalCents: null,
  paid: null,
  header: { ...header, payment: null },
};

const certificate: PrintableDocument = {
  ...prescription,
  kind: "certificate",
  number: "2026-000125",
  content: { certificateKind: "incapacite", periodFrom: "2026-11-24", periodTo: "2026-11-28", body: "Sorties autorisées." },
};

const NONE = { stamp: null, signaturePng: null };

/** The 600 × 200 test signature as documents carry it: fitted into its 170 × 70 pt box at 200 dpi. */
const SIGNATURE_PIXELS = { width: 472, height: 157 };

/** Which painted image is which: the signature by its pixel size, the QR code by what it decodes to. */
function classify(painted: PaintedImage[]) {
  const qr = painted.filter((i) => decodeQr(i) !== null);
  const signature = painted.filter((i) => i.pixelWidth === SIGNATURE_PIXELS.width && i.pixelHeight === SIGNATURE_PIXELS.height);
  return { qr, signature, other: painted.length - qr.length - signature.length };
}

/** The texts `a` draws that `b` does not (same text at the same place). */
function added(a: PlacedText[], b: PlacedText[]) {
  const key = (t: PlacedText) => `${t.text}@${t.x.toFixed(2)},${t.y.toFixed(2)}`;
  const rest = b.map(key);
  return a.filter((t) => {
    const i = rest.indexOf(key(t));
    if (i === -1) return true;
    rest.splice(i, 1);
    return false;
  });
}

function inside(image: PaintedImage) {
  expect(image.x).toBeGreaterThanOrEqual(PAGE.margin - 0.01);
  expect(image.x + image.width).toBeLessThanOrEqual(PAGE.width - PAGE.margin + 0.01);
  expect(image.y).toBeGreaterThan(34);
  expect(image.y + image.height).toBeLessThanOrEqual(PAGE.height - PAGE.margin);
}

describe("the fee note PDF", () => {
  it("is one A4 page with the doctor, the patient, the number, the lines, the total, the IBAN and the holder", async () => {
    const read = await readPdf(await renderDocumentPdf(feeNote, NONE));
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]).toMatchObject({ width: 595.28, height: 841.89 });
    expect(read.title).toBe("Mémoire d'honoraires 2026-000123");
    for (const expected of [
      "Dr Paul Schmit",
      "Code prestataire 601234-12",
      "MÉMOIRE D'HONORAIRES",
      "N° 2026-000123",
      "Luxembourg, le 24 novembre 2026",
      "Nora Wagner-Ferreira",
      "Matricule 1980 0502 123 45 · né(e) le 2 mai 1980",
      "Consultation du médecin généraliste",
      "C1",
      "V12",
      "54,80\u00a0€",
      "37,50\u00a0€",
      "92,30\u00a0€",
      "IBAN LU98 0019 4006 4475 0001",
      "Titulaire : Dr Paul Schmit",
      "Communication : 2026-000123",
    ]) {
      expect(read.pages[0]!.texts).toContain(expected);
    }
  });

  it("carries a QR code that decodes to the Payconiq link for the total, with the note number as reference", async () => {
    const read = await readPdf(await renderDocumentPdf(feeNote, NONE));
    const decoded = read.pages[0]!.images.map(decodeQr).filter(Boolean);
    const expected = payconiqPaymentLink(MERCHANT, { amountCents: 9230, reference: "2026-000123", description: "Mémoire d'honoraires" });
    expect(decoded).toEqual([expected]);
    const link = new URL(decoded[0]!);
    expect(link.searchParams.get("A")).toBe("9230");
    expect(link.searchParams.get("R")).toBe("2026-000123");
    expect(feeNotePaymentLink(feeNote)).toBe(expected);
  });

  it("has no QR code when paid, when no merchant id is set, or once cancelled; paid says « Acquitté »", async () => {
    for (const variant of [
      { ...feeNote, paid: true },
      { ...feeNote, header: { ...header, payment: { ...header.payment!, payconiqMerchantId: null } } },
      { ...feeNote, cancelledByNumber: "2026-000130" },
    ]) {
      const read = await readPdf(await renderDocumentPdf(variant, NONE));
      expect(read.pages[0]!.images.map(decodeQr).filter(Boolean)).toEqual([]);
      expect(feeNotePaymentLink(variant)).toBeNull();
    }
    const paid = await readPdf(await renderDocumentPdf({ ...feeNote, paid: true }, NONE));
    expect(paid.text).toContain("Acquitté — montant reçu.");
    const cancelled = await readPdf(await renderDocumentPdf({ ...feeNote, cancelledByNumber: "2026-000130" }, NONE));
    expect(cancelled.pages[0]!.texts).toContain("ANNULÉ");
    expect(cancelled.pages[0]!.texts).toContain("Annulé et remplacé par le document n° 2026-000130");
  });
});

describe("stamp and signature", () => {
  it("draws the stamp's lines in its box and the signature in its own, only when given, never on top of each other", async () => {
    const signaturePng = new Uint8Array(await transparentSignaturePng(600, 200));
    for (const doc of [prescription, certificate, feeNote]) {
      const bare = (await readPdf(await renderDocumentPdf(doc, NONE))).pages.at(-1)!;
      for (const [stamp, signature] of [
        [header.doctor, signaturePng],
        [header.doctor, null],
        [null, signaturePng],
      ] as const) {
        const page = (await readPdf(await renderDocumentPdf(doc, { stamp, signaturePng: signature }))).pages.at(-1)!;
        const stampTexts = added(page.placed, bare.placed);
        expect(stampTexts.map((t) => t.text)).toEqual(stamp ? stampLines(stamp).map((l) => l.text) : []);
        for (const t of stampTexts) {
          expect(t.x).toBeGreaterThan(PAGE.margin);
          expect(t.x).toBeLessThan(PAGE.margin + STAMP_DRAW_WIDTH / 2);
          expect(t.y).toBeGreaterThan(34);
          expect(t.squeeze).toBe(1);
        }
        const found = classify(page.images);
        expect(found.signature).toHaveLength(signature ? 1 : 0);
        expect(found.qr).toHaveLength(doc.kind === "fee_note" ? 1 : 0);
        expect(found.other).toBe(0);
        for (const s of found.signature) {
          inside(s);
          expect(s.width).toBeLessThanOrEqual(SIGNATURE_BOX.width + 0.01);
          expect(s.height).toBeLessThanOrEqual(SIGNATURE_BOX.height + 0.01);
          expect(s.x).toBeGreaterThan(PAGE.margin + STAMP_DRAW_WIDTH);
          // The stamp's lines sit level with the signature, not below or above the closing block.
          if (stampTexts[0]) expect(stampTexts[0].y).toBeGreaterThan(s.y);
        }
      }
    }
  });

  it("never embeds the uploaded signature as it is: the copy is flattened, with the document's number across it", async () => {
    const uploaded = await transparentSignaturePng(600, 200);
    const signatureOf = async (doc: PrintableDocument) => {
      const page = (await readPdf(await renderDocumentPdf(doc, { stamp: null, signaturePng: new Uint8Array(uploaded) }))).pages.at(-1)!;
      // The fee note's one image besides its QR code.
      return page.images.find((image) => decodeQr(image) === null)!;
    };
    const lifted = await signatureOf(feeNote);
    // What a secretary lifts out of the PDF, next to the doctor's upload laid on white at the same size.
    const plain = await sharp(uploaded)
      .resize(lifted.pixelWidth, lifted.pixelHeight)
      .flatten({ background: "#ffffff" })
      .ensureAlpha()
      .raw()
      .toBuffer();
    let differing = 0;
    for (let i = 0; i < plain.length; i += 4) {
      if ([0, 1, 2].some((c) => Math.abs(plain[i + c]! - lifted.rgba[i + c]!) > 24)) differing++;
    }
    // The number's glyphs cover a good part of the image, across the strokes.
    expect(differing / (lifted.pixelWidth * lifted.pixelHeight)).toBeGreaterThan(0.05);
    // Another document's copy carries its own number; the same document's is the same every time.
    const other = await signatureOf({ ...feeNote, number: "2026-000999" });
    expect(Buffer.from(other.rgba).equals(Buffer.from(lifted.rgba))).toBe(false);
    expect(Buffer.from((await signatureOf(feeNote)).rgba).equals(Buffer.from(lifted.rgba))).toBe(true);
  });

  it("squeezes a stamp line a little too long for its frame, as the profile's preview does, instead of cutting it", async () => {
    const specialty = "Chirurgie orthopédique et traumatologie du sport";
    const stamp = { ...header.doctor, specialty };
    const page = (await readPdf(await renderDocumentPdf(prescription, { stamp, signaturePng: null }))).pages.at(-1)!;
    const line = page.placed.find((t) => t.text === specialty)!;
    expect(line.squeeze).toBeLessThan(1);
    expect(line.squeeze).toBeGreaterThan(0.5);
    expect(page.placed.find((t) => t.text === "Code prestataire 601234-12" && t.squeeze === 1 && t.size < 8)).toBeDefined();
  });
});

describe("prescriptions and certificates", () => {
  it("prints the prescription's lines and no payment details", async () => {
    const read = await readPdf(await renderDocumentPdf(prescription, NONE));
    expect(read.text).toContain("ORDONNANCE");
    expect(read.text).toContain("N° 2026-000124");
    expect(read.text).toContain("Amoxicilline 1 g");
    expect(read.text).toContain("1 comprimé 3 fois par jour pendant 7 jours");
    expect(read.text).not.toContain("IBAN");
  });

  it("prints the certificate's sentence with the period", async () => {
    const read = await readPdf(await renderDocumentPdf(certificate, NONE));
    expect(read.text).toContain("Certificat d'incapacité de travail");
    expect(read.text.replace(/\n/g, " ")).toContain("du 24 novembre 2026 au 28 novembre 2026 inclus");
  });

  it("runs onto more pages when the content is long, numbering them", async () => {
    const long: PrintableDocument = {
      ...prescription,
      content: {
        lines: Array.from({ length: 20 }, (_, i) => ({ medication: `Médicament ${i + 1}`, dosage: "1 comprimé matin et soir ".repeat(8) })),
        notes: "",
      },
    };
    const read = await readPdf(await renderDocumentPdf(long, NONE));
    expect(read.pages.length).toBeGreaterThan(1);
    expect(read.pages.at(-1)!.texts).toContain(`Ordonnance 2026-000124 · émise via Doctipro · page ${read.pages.length}/${read.pages.length}`);
    expect(read.text).toContain("Médicament 20");
  });

  it("wraps a long doctor's name beside the title and a long patient's name within the page, never over the edge", async () => {
    const doctorName = `Dr ${"Marie-Christine".repeat(2)} ${"van den Berghe-Schmitz".repeat(2)} de Lëtzebuerg`;
    const patientName = `${"Anne-Sophie ".repeat(3)}${"Wagner-Ferreira-Kieffer ".repeat(3)}`.trim();
    const doc = {
      ...prescription,
      header: { ...header, doctor: { ...header.doctor, name: doctorName }, patient: { ...header.patient, name: patientName } },
    };
    const page = (await readPdf(await renderDocumentPdf(doc, NONE))).pages[0]!;
    const { PDFDocument } = await import("pdf-lib");
    const { embedDocumentFonts } = await import("./pdf-fonts");
    const { bold } = await embedDocumentFonts(await PDFDocument.create());
    for (const [name, size, room] of [
      [doctorName, 14, PAGE.width - 2 * PAGE.margin - 230 - 16],
      [patientName, 12, PAGE.width - 2 * PAGE.margin],
    ] as const) {
      const lines = page.placed.filter((t) => t.size === size && t.x === PAGE.margin && name.includes(t.text));
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.map((t) => t.text).join(" ")).toBe(name);
      for (const line of lines) expect(bold.widthOfTextAtSize(line.text, size)).toBeLessThanOrEqual(room);
    }
    expect(page.texts).toContain("ORDONNANCE");
  });

  it("prints names as written in Polish, Romanian, Turkish, Greek or Cyrillic, and a letter the font lacks as « ? » instead of failing", async () => {
    const name = "Łukasz Wiśniewski-Țurcanu Çağrı Γιώργος Ольга";
    const doc = { ...prescription, header: { ...header, patient: { ...header.patient, name: `${name} 王` } } };
    const read = await readPdf(await renderDocumentPdf(doc, NONE));
    expect(read.text).toContain(`${name} ?`);
  });
});
