import { NextResponse, type NextRequest } from "next/server";
import { requireDoctor } from "@/lib/auth/guards";
import type { FormState } from "@/lib/forms/form-state";
import { OVERSIZED_SIGNATURE_REFUSAL, readBodyAtMost } from "@/lib/http/body-limit";
import { IMAGE_POLICY } from "@/lib/http/security-headers";
import { checkSignatureImage, SIGNATURE_MAX_BYTES } from "@/lib/signature/image-check";
import { NO_SIGNATURE, savedSignatureMessage, UPLOAD_FROM_ELSEWHERE } from "@/lib/signature/messages";
import { readSignature, saveSignature } from "@/lib/signature/signature";

// The doctor's signature, only ever through here: GET shows it to the doctor (never to a
// secretary, never from a public URL), POST replaces it with an uploaded image whose raw bytes are
// the request body (docs/decisions/0008).

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET() {
  const { doctor } = await requireDoctor();
  const stored = await readSignature(doctor);
  if (!stored) return new NextResponse(NO_SIGNATURE, { status: 404, headers: PRIVATE });
  return new NextResponse(new Uint8Array(stored.png), {
    headers: {
      ...PRIVATE,
      "Content-Type": "image/png",
      "Content-Disposition": 'inline; filename="signature.png"',
      "Content-Security-Policy": IMAGE_POLICY,
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

const answer = (state: FormState, status: number) => NextResponse.json(state, { status, headers: PRIVATE });
const refuse = (message: string, status = 422) => answer({ status: "error", fieldErrors: { file: message } }, status);

export async function POST(request: NextRequest) {
  const { doctor } = await requireDoctor();
  // A browser says where a request comes from; only this site's own page may upload.
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return answer({ status: "error", formError: UPLOAD_FROM_ELSEWHERE }, 403);
  const declared = Number(request.headers.get("content-length"));
  if (declared > SIGNATURE_MAX_BYTES) return answer(OVERSIZED_SIGNATURE_REFUSAL, 413);
  // Sent chunked, the body has no declared length: read at most the limit.
  const body = await readBodyAtMost(request.body, SIGNATURE_MAX_BYTES);
  if (body.kind === "too-large") return answer(OVERSIZED_SIGNATURE_REFUSAL, 413);

  const checked = await checkSignatureImage(body.bytes);
  if (!checked.ok) return refuse(checked.message);
  await saveSignature(doctor, checked);
  return answer({ status: "success", message: savedSignatureMessage(checked.opaque) }, 200);
}
