import { requireAccountPermission } from "@/lib/server/account-context";
import { csvExport } from "@/lib/server/csv-export";
import { DISPUTE_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportDisputes } from "@/lib/services/exports/export-disputes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The mirror's disputes for the disputes page's filters (same query string), as CSV streamed in batches. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here, and again in the service.
  const ctx = await requireAccountPermission(accountId, "disputes.read");
  return csvExport(request, ctx, exportDisputes, DISPUTE_CSV_COLUMNS, "disputes");
}
