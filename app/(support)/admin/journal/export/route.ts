import { auditCsv, auditFilterSchema } from "@/lib/audit/support-log-query";
import { requireSupport } from "@/lib/auth/guards";

export async function GET(request: Request) {
  await requireSupport();
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await auditCsv(filter);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doctipro-journal-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
