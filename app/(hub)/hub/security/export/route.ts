import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { getActionHubContext } from "@/lib/server/context";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { CSV_COLUMNS } from "@/lib/services/security/csv";
import { exportAuditEvents } from "@/lib/services/security/export-events";
import { readSecurityFilter } from "@/lib/services/security/schemas";

export const dynamic = "force-dynamic";

/** Streams exactly the rows the security page shows for the same query string, as CSV. */
export async function GET(request: Request): Promise<Response> {
  try {
    // A public endpoint: session and permission are checked here, not by the page or the proxy.
    const ctx = await getActionHubContext();
    assertCan(ctx, "hub.security.read");
    const { filter, errors } = readSecurityFilter(Object.fromEntries(new URL(request.url).searchParams));
    // A date that is not a real day is answered at once, before any audit row or query.
    const dateError = errors.from ?? errors.to;
    if (dateError)
      return new Response(dateError, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    const csv = Readable.from(await exportAuditEvents({ ctx, input: filter })).pipe(
      stringify({ header: true, columns: [...CSV_COLUMNS] }),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(Readable.toWeb(csv) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="security-history-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response("Sign in first.", { status: 401 });
    if (err instanceof ForbiddenError) return new Response("Forbidden.", { status: 403 });
    if (err instanceof NotFoundError) return new Response("Not found.", { status: 404 });
    throw err;
  }
}
