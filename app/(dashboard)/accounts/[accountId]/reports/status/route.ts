import { getActionAccountContext } from "@/lib/server/account-context";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { getReportRunStatuses } from "@/lib/services/reports/run-status";

export const dynamic = "force-dynamic";

/** Current statuses of the given runs (`?run=…&run=…`), for the pending-report poller. */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }): Promise<Response> {
  try {
    const { accountId } = await params;
    // A public endpoint: session, account access and permission are checked here.
    const ctx = await getActionAccountContext(accountId);
    assertCan(ctx, "reporting.read");
    const runIds = new URL(request.url).searchParams.getAll("run").slice(0, 50);
    const statuses = await getReportRunStatuses({ ctx, input: { accountId: ctx.account.id, runIds } });
    return Response.json({ runs: statuses }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response("Sign in first.", { status: 401 });
    if (err instanceof ForbiddenError) return new Response("Forbidden.", { status: 403 });
    if (err instanceof NotFoundError) return new Response("Not found.", { status: 404 });
    if (err instanceof ValidationError) return new Response("Bad request.", { status: 400 });
    throw err;
  }
}
