import { requireAccountPermission } from "@/lib/server/account-context";
import { csvExport } from "@/lib/server/csv-export";
import { UBO_DECLARATION_CSV_COLUMNS } from "@/lib/services/exports/csv";
import { exportUboDeclarations } from "@/lib/services/exports/export-ubo-declarations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The mirror's UBO declarations for the compliance page's days (same query string), as CSV streamed in batches. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here, and again in the service.
  const ctx = await requireAccountPermission(accountId, "uboDeclarations.read");
  return csvExport(request, ctx, exportUboDeclarations, UBO_DECLARATION_CSV_COLUMNS, "ubo-declarations");
}
