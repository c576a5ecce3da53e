import type { NextRequest } from "next/server";
import { requirePracticeAccess } from "@/lib/auth/guards";
import { documentPdf } from "@/lib/documents/document-pdf";
import { pdfResponse } from "@/lib/http/pdf-response";

// A document's PDF, only through here: the doctor, or a secretary for the fee notes she may see.
// Any other id — malformed, unknown, another doctor's, a prescription asked for by a secretary —
// is the same 404.

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await requirePracticeAccess();
  return pdfResponse(request, await documentPdf(access, (await params).id));
}
