import { NextResponse, type NextRequest } from "next/server";
import { requirePatient } from "@/lib/auth/guards";
import { sharedDocumentPdf } from "@/lib/patient-space/documents";

// A document the doctor shared with the signed-in patient, only through here. Any other id —
// malformed, unknown, not shared, shared about someone else — is the same 404.

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Cross-Origin-Resource-Policy": "same-origin" };

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requirePatient();
  const file = await sharedDocumentPdf(user.id, (await params).id);
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
