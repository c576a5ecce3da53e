import { NextResponse, type NextRequest } from "next/server";
import { requireDoctor } from "@/lib/auth/guards";
import { finishEsanteLink } from "@/lib/esante/link";

// Where eSanté (LuxTrust) sends the doctor back. The doctor must still be signed in, in the same
// browser session that started the link; the outcome is shown on the profile page.
export async function GET(request: NextRequest) {
  const access = await requireDoctor();
  const outcome = await finishEsanteLink(access, request.nextUrl.searchParams);
  const target = new URL("/profile", request.url);
  target.searchParams.set("esante", outcome);
  target.hash = "esante";
  return NextResponse.redirect(target, 303);
}
