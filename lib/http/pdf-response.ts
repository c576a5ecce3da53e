import "server-only";
import { NextResponse, type NextRequest } from "next/server";

// How every document PDF leaves the app (the practice's and the patient's routes): never cached,
// never sniffed, never embedded by another site; a missing or forbidden one is the same 404, so an
// id reveals nothing. « ?telecharger » makes the browser save it instead of showing it.

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };

export function pdfResponse(request: NextRequest, file: { bytes: Uint8Array | Buffer; filename: string } | null): NextResponse {
  if (!file) return new NextResponse("Document introuvable.", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  const disposition = request.nextUrl.searchParams.has("telecharger") ? "attachment" : "inline";
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      ...PRIVATE,
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${file.filename}"`,
    },
  });
}
