import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { formatCents } from "@/lib/format/money";
import { formatCalendarDate } from "@/lib/format/datetime";
import { payconiqPaymentLink } from "@/lib/payments/payconiq";
import { formatMatricule } from "@/lib/patients/matricule";
import { formatIban } from "@/lib/profile/iban";
import { stampLayout, type StampData } from "@/lib/profile/stamp";
import { embedDocumentFonts, type Fonts } from "./pdf-fonts";
import { drawRaster, embedRaster, type RasterImage } from "./pdf-raster";
import { drawStamp } from "./pdf-stamp";
import { toPrintable } from "./printable-text";
import { imprintedSignature } from "./signature-imprint";
import {
  CERTIFICATE_KINDS,
  KIND_LABEL,
  type CertificateContent,
  type DocumentContent,
  type DocumentKind,
  type FeeNoteContent,
  type PrescriptionContent,
} from "./schema";
import { lineTotalCents } from "./totals";

// Draws an issued document as an A4 PDF (pdf-lib, DejaVu Sans: lib/documents/pdf-fonts.ts). Pure
// but for the font files: everything comes in as arguments (the row's snapshot, the stamp's data
// and the signature image), so the same row always gives the same file. The page: doctor header,
// title and number, patient, the content, then the closing block (payment details and Payconiq QR
// code on an unpaid fee note, stamp, signature).

export type DocumentHeader = {
  /** What the stamp prints (it is drawn from these very fields), and the practice's website. */
  doctor: StampData & { website: string | null };
  /** matricule is null for a patient without one (documents issued since the agenda, issue 17). */
  patient: { name: string; matricule: string | null; otherIdentifier?: string | null; birthDate: string };
  /** Fee notes only: where to pay. */
  payment: { iban: string | null; ibanHolder: string | null; payconiqMerchantId: string | null } | null;
};

export type PrintableDocument = {
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  content: DocumentContent;
  totalCents: number | null;
  paid: boolean | null;
  header: DocumentHeader;
  createdAt: Date;
  /** The number of the document this one cancels and replaces. */
  replacesNumber: string | null;
  /** The number of the correction that cancelled this one. */
  cancelledByNumber: string | null;
};

/** What closes the document: the stamp's data when it is shown, the signature's PNG (as uploaded) when it is applied. */
export type PdfImages = { stamp: StampData | null; signaturePng: Uint8Array | null };

export const PAGE = { width: 595.28, height: 841.89, margin: 50 } as const;
export const STAMP_DRAW_WIDTH = 170;
export const SIGNATURE_BOX = { width: 170, height: 70 } as const;
export const QR_SIZE = 96;
export const PAYCONIQ_DESCRIPTION = "Mémoire d'honoraires";

const INK = rgb(0.09, 0.11, 0.16);
const MUTED = rgb(0.39, 0.43, 0.5);
const BRAND = rgb(0.043, 0.431, 0.6);
const RULE = rgb(0.82, 0.85, 0.89);
const RED = rgb(0.75, 0.1, 0.1);
const FOOTER_ZONE = 64;

/** The link the QR code of an unpaid fee note opens, or null when the note gets none. */
export function feeNotePaymentLink(
  doc: Pick<PrintableDocument, "kind" | "paid" | "totalCents" | "number" | "header" | "cancelledByNumber">,
): string | null {
  const merchantId = doc.header.payment?.payconiqMerchantId;
  if (doc.kind !== "fee_note" || doc.paid || doc.cancelledByNumber || !merchantId || !doc.totalCents) return null;
  return payconiqPaymentLink(merchantId, { amountCents: doc.totalCents, reference: doc.number, description: PAYCONIQ_DESCRIPTION });
}

const euros = (cents: number) => toPrintable(formatCents(cents));

/** Splits `text` into lines no wider than `width` (words kept whole unless one alone is too wide). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = "";
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/** A page cursor: writes top to bottom and opens a new page when the next block does not fit. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    private readonly onNewPage: (page: PDFPage) => number,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  ensure(height: number) {
    if (this.y - height >= FOOTER_ZONE) return;
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = this.onNewPage(this.page);
  }

  text(
    value: string,
    x: number,
    { size = 10, font = this.fonts.regular, color = INK, align = "left" as "left" | "right" | "center", width = 0 } = {},
  ) {
    const printable = toPrintable(value);
    const w = font.widthOfTextAtSize(printable, size);
    const left = align === "right" ? x + width - w : align === "center" ? x + (width - w) / 2 : x;
    this.page.drawText(printable, { x: left, y: this.y - size, size, font, color });
  }

  /** A wrapped paragraph; moves the cursor below it. */
  paragraph(value: string, x: number, width: number, { size = 10.5, font = this.fonts.regular, color = INK, gap = 1.4 } = {}) {
    for (const line of wrapText(toPrintable(value), font, size, width)) {
      this.ensure(size * gap);
      this.text(line, x, { size, font, color });
      this.y -= size * gap;
    }
  }

  rule(gapBefore = 8, gapAfter = 12) {
    this.y -= gapBefore;
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.7, color: RULE });
    this.y -= gapAfter;
  }
}

const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

function drawHeader(w: Writer, doc: PrintableDocument) {
  const { doctor } = doc.header;
  const { regular, bold } = w.fonts;
  const top = w.y;
  // The doctor's block wraps beside the title column: a long name never runs into the title.
  const right = PAGE.width - PAGE.margin;
  const titleWidth = 230;
  const leftWidth = CONTENT_WIDTH - titleWidth - 16;
  w.paragraph(doctor.name, PAGE.margin, leftWidth, { size: 14, font: bold, color: BRAND, gap: 19 / 14 });
  const details = [
    doctor.specialty,
    doctor.providerCode ? `Code prestataire ${doctor.providerCode}` : null,
    doctor.street,
    [doctor.postcode, doctor.locality].filter(Boolean).join(" ") || null,
    doctor.phone ? `Tél. ${doctor.phone}` : null,
    doctor.website,
  ].filter((d): d is string => Boolean(d));
  for (const line of details) w.paragraph(line, PAGE.margin, leftWidth, { size: 9, color: MUTED, gap: 12 / 9 });
  const leftBottom = w.y;

  w.y = top;
  w.text(KIND_LABEL[doc.kind].toUpperCase(), right - titleWidth, { size: 15, font: bold, align: "right", width: titleWidth });
  w.y -= 21;
  w.text(`N° ${doc.number}`, right - titleWidth, { size: 10.5, font: bold, align: "right", width: titleWidth });
  w.y -= 14;
  const place = doctor.locality ? `${doctor.locality}, le` : "Le";
  w.text(`${place} ${formatCalendarDate(doc.issuedOn)}`, right - titleWidth, { size: 10, font: regular, align: "right", width: titleWidth });
  w.y -= 14;
  if (doc.replacesNumber) {
    w.text(`Annule et remplace le n° ${doc.replacesNumber}`, right - titleWidth, {
      size: 9,
      font: regular,
      color: RED,
      align: "right",
      width: titleWidth,
    });
    w.y -= 13;
  }
  w.y = Math.min(w.y, leftBottom);
  w.rule(6, 14);

  const { patient } = doc.header;
  w.text("PATIENT", PAGE.margin, { size: 8, font: bold, color: MUTED });
  w.y -= 12;
  w.paragraph(patient.name, PAGE.margin, CONTENT_WIDTH, { size: 12, font: bold, gap: 16 / 12 });
  const identifier = patient.matricule
    ? `Matricule ${formatMatricule(patient.matricule)} · `
    : patient.otherIdentifier
      ? `Identifiant ${patient.otherIdentifier} · `
      : "";
  w.text(`${identifier}${identifier ? "né(e)" : "Né(e)"} le ${formatCalendarDate(patient.birthDate)}`, PAGE.margin, { size: 9.5, color: MUTED });
  w.y -= 12;
  w.rule(4, 18);
}

function drawPrescription(w: Writer, content: PrescriptionContent) {
  const { bold, italic } = w.fonts;
  w.text("Rp/", PAGE.margin, { size: 13, font: italic, color: BRAND });
  w.y -= 22;
  content.lines.forEach((line, i) => {
    w.ensure(34);
    w.text(`${i + 1}.`, PAGE.margin, { size: 11, font: bold });
    w.paragraph(line.medication, PAGE.margin + 20, CONTENT_WIDTH - 20, { size: 11, font: bold });
    if (line.dosage) w.paragraph(line.dosage, PAGE.margin + 20, CONTENT_WIDTH - 20, { size: 10, color: MUTED });
    w.y -= 8;
  });
  if (content.notes) {
    w.y -= 6;
    w.paragraph(content.notes, PAGE.margin, CONTENT_WIDTH, { size: 10 });
  }
}

function certificateSentence(doc: PrintableDocument, c: CertificateContent): string {
  const { doctor, patient } = doc.header;
  const born = `né(e) le ${formatCalendarDate(patient.birthDate)}`;
  const period = c.periodFrom && c.periodTo ? `du ${formatCalendarDate(c.periodFrom)} au ${formatCalendarDate(c.periodTo)} inclus` : "";
  const me = `Je soussigné(e), ${doctor.name}, certifie`;
  switch (c.certificateKind) {
    case "incapacite":
      return `${me} avoir examiné ${patient.name}, ${born}, et que son état de santé entraîne une incapacité de travail ${period}.`;
    case "scolaire":
      return `${me} que l'état de santé de ${patient.name}, ${born}, justifie une dispense scolaire ${period}.`;
    case "presence":
      return `${me} que ${patient.name}, ${born}, s'est présenté(e) à ma consultation le ${formatCalendarDate(doc.issuedOn)}.`;
    case "sport":
      return `${me} avoir examiné ${patient.name}, ${born}, et n'avoir constaté ce jour aucune contre-indication à la pratique du sport.`;
    case "autre":
      return period ? `Période concernée : ${period}.` : "";
  }
}

function drawCertificate(w: Writer, doc: PrintableDocument, c: CertificateContent) {
  w.text(CERTIFICATE_KINDS[c.certificateKind], PAGE.margin, { size: 13, font: w.fonts.bold, color: BRAND });
  w.y -= 26;
  const sentence = certificateSentence(doc, c);
  if (sentence) {
    w.paragraph(sentence, PAGE.margin, CONTENT_WIDTH, { size: 11, gap: 1.5 });
    w.y -= 10;
  }
  if (c.body) w.paragraph(c.body, PAGE.margin, CONTENT_WIDTH, { size: 11, gap: 1.5 });
  w.y -= 8;
  w.paragraph(
    "Certificat établi à la demande de l'intéressé(e) et remis en main propre pour servir et valoir ce que de droit.",
    PAGE.margin,
    CONTENT_WIDTH,
    {
      size: 9.5,
      color: MUTED,
    },
  );
}

const COLUMNS = { code: 58, quantity: 40, unit: 80, amount: 85 } as const;

function drawFeeNote(w: Writer, doc: PrintableDocument, content: FeeNoteContent) {
  const { bold } = w.fonts;
  const x0 = PAGE.margin;
  const labelX = x0 + COLUMNS.code;
  const labelWidth = CONTENT_WIDTH - COLUMNS.code - COLUMNS.quantity - COLUMNS.unit - COLUMNS.amount - 8;
  const qtyX = labelX + labelWidth + 8;
  const unitX = qtyX + COLUMNS.quantity;
  const amountX = unitX + COLUMNS.unit;
  w.text(`Prestations du ${formatCalendarDate(doc.issuedOn)}`, x0, { size: 10, color: MUTED });
  w.y -= 20;
  const head = () => {
    w.page.drawRectangle({ x: x0, y: w.y - 16, width: CONTENT_WIDTH, height: 18, color: rgb(0.94, 0.96, 0.98) });
    w.y -= 3;
    w.text("Code", x0 + 4, { size: 8.5, font: bold, color: MUTED });
    w.text("Libellé", labelX, { size: 8.5, font: bold, color: MUTED });
    w.text("Qté", qtyX, { size: 8.5, font: bold, color: MUTED, align: "right", width: COLUMNS.quantity - 6 });
    w.text("Prix unitaire", unitX, { size: 8.5, font: bold, color: MUTED, align: "right", width: COLUMNS.unit - 6 });
    w.text("Montant", amountX, { size: 8.5, font: bold, color: MUTED, align: "right", width: COLUMNS.amount - 4 });
    w.y -= 19;
  };
  head();
  for (const line of content.lines) {
    const labelLines = wrapText(toPrintable(line.label), w.fonts.regular, 10, labelWidth);
    const height = labelLines.length * 13 + 6;
    const before = w.page;
    w.ensure(height + 24);
    if (w.page !== before) head();
    w.text(line.code, x0 + 4, { size: 10, font: bold });
    w.text(String(line.quantity), qtyX, { size: 10, align: "right", width: COLUMNS.quantity - 6 });
    w.text(euros(line.unitCents), unitX, { size: 10, align: "right", width: COLUMNS.unit - 6 });
    w.text(euros(lineTotalCents(line)), amountX, { size: 10, align: "right", width: COLUMNS.amount - 4 });
    for (const l of labelLines) {
      w.text(l, labelX, { size: 10 });
      w.y -= 13;
    }
    w.y -= 6;
    w.page.drawLine({ start: { x: x0, y: w.y + 3 }, end: { x: x0 + CONTENT_WIDTH, y: w.y + 3 }, thickness: 0.4, color: RULE });
  }
  w.ensure(40);
  w.y -= 8;
  w.text("Total", unitX - 60, { size: 11.5, font: bold, align: "right", width: 60 + COLUMNS.unit - 6 });
  w.text(euros(doc.totalCents ?? 0), amountX, { size: 11.5, font: bold, align: "right", width: COLUMNS.amount - 4 });
  w.y -= 22;
  const status = doc.paid ? "Acquitté — montant reçu." : "À payer.";
  w.text(status, x0, { size: 10, font: bold, color: doc.paid ? rgb(0.08, 0.5, 0.25) : INK });
  w.y -= 18;
}

async function drawPayment(w: Writer, pdf: PDFDocument, doc: PrintableDocument) {
  const payment = doc.header.payment;
  const link = feeNotePaymentLink(doc);
  if (doc.paid || doc.cancelledByNumber || (!payment?.iban && !link)) return;
  const height = link ? QR_SIZE + 30 : 70;
  w.ensure(height + 10);
  const top = w.y;
  w.page.drawRectangle({
    x: PAGE.margin,
    y: top - height,
    width: CONTENT_WIDTH,
    height,
    borderColor: RULE,
    borderWidth: 0.8,
    color: rgb(0.98, 0.99, 1),
  });
  w.y = top - 12;
  const x = PAGE.margin + 12;
  w.text("Paiement par virement", x, { size: 9, font: w.fonts.bold, color: MUTED });
  w.y -= 15;
  if (payment?.iban) {
    w.text(`IBAN ${formatIban(payment.iban)}`, x, { size: 11, font: w.fonts.bold });
    w.y -= 15;
    if (payment.ibanHolder) {
      w.text(`Titulaire : ${payment.ibanHolder}`, x, { size: 10 });
      w.y -= 14;
    }
  }
  w.text(`Communication : ${doc.number}`, x, { size: 10 });
  if (link) {
    const png = await QRCode.toBuffer(link, { errorCorrectionLevel: "M", margin: 1, scale: 6, type: "png" });
    const qr = await embedRaster(pdf, png);
    const qrX = PAGE.width - PAGE.margin - 12 - QR_SIZE;
    drawRaster(w.page, qr, { x: qrX, y: top - 8 - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
    w.y = top - 8 - QR_SIZE - 4;
    w.text("Payer avec Payconiq", qrX - 20, { size: 8, color: MUTED, align: "center", width: QR_SIZE + 40 });
  }
  w.y = top - height - 16;
}

function fitted(image: RasterImage, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / image.width, maxHeight / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

async function drawClosing(w: Writer, pdf: PDFDocument, images: PdfImages, number: string) {
  // Never the uploaded image as it is: a copy bound to this document (signature-imprint.ts).
  const signature = images.signaturePng ? await embedRaster(pdf, await imprintedSignature(images.signaturePng, number, SIGNATURE_BOX)) : null;
  const stamp = images.stamp ? stampLayout(images.stamp) : null;
  const stampHeight = stamp ? (stamp.height * STAMP_DRAW_WIDTH) / stamp.width : 0;
  const height = Math.max(stampHeight, SIGNATURE_BOX.height + 16, 40);
  w.ensure(height + 20);
  w.y -= 10;
  const top = w.y;
  if (stamp) drawStamp(w.page, w.fonts, stamp, { left: PAGE.margin, top, width: STAMP_DRAW_WIDTH });
  const sigX = PAGE.width - PAGE.margin - SIGNATURE_BOX.width;
  w.text("Signature du médecin", sigX, { size: 8.5, color: MUTED, align: "center", width: SIGNATURE_BOX.width });
  if (signature) {
    const size = fitted(signature, SIGNATURE_BOX.width, SIGNATURE_BOX.height);
    drawRaster(w.page, signature, { x: sigX + (SIGNATURE_BOX.width - size.width) / 2, y: top - 14 - size.height, ...size });
  }
  w.y = top - height - 10;
}

function drawCancelled(page: PDFPage, fonts: Fonts, byNumber: string) {
  const label = "ANNULÉ";
  const size = 72;
  const width = fonts.bold.widthOfTextAtSize(label, size);
  page.drawText(label, {
    x: (PAGE.width - width * 0.8) / 2,
    y: PAGE.height / 2 - 80,
    size,
    font: fonts.bold,
    color: RED,
    opacity: 0.18,
    rotate: degrees(35),
  });
  page.drawText(toPrintable(`Annulé et remplacé par le document n° ${byNumber}`), { x: PAGE.margin, y: 44, size: 9, font: fonts.bold, color: RED });
}

/** The document as PDF bytes. */
export async function renderDocumentPdf(doc: PrintableDocument, images: PdfImages): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `${KIND_LABEL[doc.kind]} ${doc.number}`;
  pdf.setTitle(toPrintable(title), { showInWindowTitleBar: true });
  pdf.setAuthor(toPrintable(doc.header.doctor.name));
  pdf.setSubject(toPrintable(`${title} — ${doc.header.patient.name}`));
  pdf.setLanguage("fr-LU");
  pdf.setCreator("Doctipro");
  pdf.setProducer("Doctipro");
  pdf.setCreationDate(doc.createdAt);
  pdf.setModificationDate(doc.createdAt);
  const fonts = await embedDocumentFonts(pdf);
  const continued = (page: PDFPage) => {
    const y = PAGE.height - PAGE.margin;
    page.drawText(toPrintable(`${title} — ${doc.header.patient.name} (suite)`), {
      x: PAGE.margin,
      y: y - 9,
      size: 9,
      font: fonts.regular,
      color: MUTED,
    });
    return y - 28;
  };
  const w = new Writer(pdf, fonts, continued);
  drawHeader(w, doc);
  switch (doc.kind) {
    case "prescription":
      drawPrescription(w, doc.content as PrescriptionContent);
      break;
    case "certificate":
      drawCertificate(w, doc, doc.content as CertificateContent);
      break;
    case "fee_note":
      drawFeeNote(w, doc, doc.content as FeeNoteContent);
      await drawPayment(w, pdf, doc);
      break;
  }
  await drawClosing(w, pdf, images, doc.number);

  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    // « émise » agrees with « Ordonnance » and « Attestation », « émis » with « Mémoire d'honoraires ».
    const footer = toPrintable(`${title} · ${doc.kind === "fee_note" ? "émis" : "émise"} via Doctipro · page ${i + 1}/${pages.length}`);
    const fw = fonts.regular.widthOfTextAtSize(footer, 8);
    page.drawLine({ start: { x: PAGE.margin, y: 34 }, end: { x: PAGE.width - PAGE.margin, y: 34 }, thickness: 0.5, color: RULE });
    page.drawText(footer, { x: (PAGE.width - fw) / 2, y: 22, size: 8, font: fonts.regular, color: MUTED });
    if (doc.cancelledByNumber) drawCancelled(page, fonts, doc.cancelledByNumber);
  });
  return pdf.save({ useObjectStreams: false });
}
