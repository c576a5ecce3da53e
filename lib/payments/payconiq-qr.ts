import QRCode from "qrcode";

/**
 * The QR code of a Payconiq payment link, as SVG markup: drawn on the server for the saved id, so
 * the profile shows it with no work in the browser, and in the browser (a dynamic import) only for
 * an id being typed.
 */
export function payconiqQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
