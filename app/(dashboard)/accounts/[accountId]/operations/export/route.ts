import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { requireAccountPermission } from "@/lib/server/account-context";
import { OPERATION_CSV_COLUMNS } from "@/lib/services/operations/csv";
import { exportOperations } from "@/lib/services/operations/export";
import { parseOperationsFilter } from "@/lib/services/operations/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ accountId: string }> };

/** The operations log's rows for the same query string, as CSV (every page). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { accountId } = await params;
  // A public endpoint: session, account access (else 404) and permission are checked here.
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const filter = parseOperationsFilter(Object.fromEntries(new URL(request.url).searchParams));
  const csv = Readable.from(await exportOperations({ ctx, input: filter })).pipe(
    stringify({ header: true, columns: [...OPERATION_CSV_COLUMNS] }),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="operations-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
