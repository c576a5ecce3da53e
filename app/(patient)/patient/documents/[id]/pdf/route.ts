import type { NextRequest } from "next/server";
import { requirePatient } from "@/lib/auth/guards";
import { pdfResponse } from "@/lib/http/pdf-response";
import { sharedDocumentPdf } from "@/lib/patient-space/documents";

// A document the doctor shared with the signed-in patient, only through here. Any other id —
// malformed, unknown, not shared, shared about someone else — is the same 404.

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requirePatient();
  return pdfResponse(request, await sharedDocumentPdf(user.id, (await params).id));
}
