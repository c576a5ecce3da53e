import { databaseAnswers } from "@/lib/health";

// For load balancers: 200 while the database answers, 503 otherwise. Public and cheap.
export async function GET() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? "ok" : "indisponible" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
