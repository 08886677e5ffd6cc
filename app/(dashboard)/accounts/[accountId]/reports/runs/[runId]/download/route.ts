import { getActionAccountContext } from "@/lib/server/account-context";
import { ForbiddenError, NotFoundError, ServiceError, UnauthenticatedError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { downloadReportRun } from "@/lib/services/reports/download";

export const dynamic = "force-dynamic";

/** The run's CSV, streamed from MANGOPAY's download link through the server (audited by the service). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ accountId: string; runId: string }> },
): Promise<Response> {
  try {
    const { accountId, runId } = await params;
    const ctx = await getActionAccountContext(accountId);
    assertCan(ctx, "reporting.read");
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
    if (err instanceof ServiceError)
      return new Response(err.message, { status: 409, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw err;
  }
}
