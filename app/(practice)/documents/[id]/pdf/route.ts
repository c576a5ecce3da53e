import { NextResponse, type NextRequest } from "next/server";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { documentPdf } from "@/lib/documents/document-pdf";

// A document's PDF, only through here: the doctor, or a secretary for the fee notes she may see.
// Any other id — malformed, unknown, another doctor's, a prescription asked for by a secretary —
// is the same 404. « ?telecharger » makes the browser save it instead of showing it.

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await requirePracticeAccess();
  const file = await documentPdf(access, (await params).id);
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
