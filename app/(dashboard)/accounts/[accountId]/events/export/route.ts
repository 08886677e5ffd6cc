import { requireAccountPermission } from "@/lib/server/account-context";
import { csvExport } from "@/lib/server/csv-export";
import { EVENT_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportEvents } from "@/lib/services/exports/export-events";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The mirror's events for the events page's filters (same query string), as CSV streamed in batches. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here, and again in the service.
  const ctx = await requireAccountPermission(accountId, "events.read");
  return csvExport(request, ctx, exportEvents, EVENT_CSV_COLUMNS, "events");
}
