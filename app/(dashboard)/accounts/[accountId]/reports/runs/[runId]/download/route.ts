import { requireAccountPermission } from "@/lib/server/account-context";
import {
  ForbiddenError,
  NotFoundError,
  PreconditionError,
  ServiceError,
  UnauthenticatedError,
} from "@/lib/server/errors";
import { downloadReportRun } from "@/lib/services/reports/download";

export const dynamic = "force-dynamic";

/** The run's CSV, streamed from MANGOPAY's download link through the server (audited by the service). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ accountId: string; runId: string }> },
): Promise<Response> {
  const { accountId, runId } = await params;
  // Session, account access (404) and permission (redirect to the not-permitted notice) first; the
  // service checks the permission again.
  const ctx = await requireAccountPermission(accountId, "reporting.read");
  try {
    const file = await downloadReportRun({ ctx, input: { accountId: ctx.account.id, runId } });
    return new Response(file.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response("Sign in first.", { status: 401 });
    if (err instanceof ForbiddenError) return new Response("Forbidden.", { status: 403 });
    if (err instanceof NotFoundError) return new Response("Not found.", { status: 404 });
    if (err instanceof PreconditionError)
      return new Response(err.message, { status: 409, headers: { "content-type": "text/plain; charset=utf-8" } });
    if (err instanceof ServiceError)
      return new Response(err.message, { status: 502, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw err;
  }
}
