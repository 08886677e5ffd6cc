import { requireAccountPermission } from "@/lib/server/account-context";
import { csvExport } from "@/lib/server/csv-export";
import { TRANSACTION_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportTransactions } from "@/lib/services/exports/export-transactions";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The mirror's transactions for the transactions list's filters (same query string), as CSV streamed in batches. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here, and again in the service.
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  return csvExport(request, ctx, exportTransactions, TRANSACTION_CSV_COLUMNS, "transactions");
}
