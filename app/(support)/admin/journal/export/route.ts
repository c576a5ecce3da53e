import { actorOf } from "@/lib/audit/support-log";
import { auditCsv, auditFilterSchema } from "@/lib/audit/support-log-query";
import { requireSupport } from "@/lib/auth/guards";
import { requestContext } from "@/lib/http/request-context";
import { auditExportRead } from "@/lib/support/reads";

export async function GET(request: Request) {
  const { user } = await requireSupport();
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await auditCsv(filter);
  // Written after the export is read: the file does not list its own export.
  const shown = Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  await auditExportRead(actorOf(user, (await requestContext()).ip), shown);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doctipro-journal-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
