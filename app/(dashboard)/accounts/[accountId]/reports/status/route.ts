import { requireAccountPermission } from "@/lib/server/account-context";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { getReportRunStatuses } from "@/lib/services/reports/run-status";

export const dynamic = "force-dynamic";

/** Current statuses of the given runs (`?run=…&run=…`), for the pending-report poller. */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }): Promise<Response> {
  const { accountId } = await params;
  // Session, account access (404) and permission (redirect to the not-permitted notice) first; the
  // service checks the permission again.
  const ctx = await requireAccountPermission(accountId, "reporting.read");
  try {
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
