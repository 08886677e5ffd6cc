import { requireAccountPermission } from "@/lib/server/account-context";
import { csvExport } from "@/lib/server/csv-export";
import { USER_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportUsers } from "@/lib/services/exports/export-users";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The mirror's users in the users list's order (same query string), as CSV streamed in batches. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here, and again in the service.
  const ctx = await requireAccountPermission(accountId, "users.read");
  return csvExport(request, ctx, exportUsers, USER_CSV_COLUMNS, "users");
}
