import { requireAccountPermission } from "@/lib/server/account-context";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { buildTransactionReceipt } from "@/lib/services/receipts/build";
import { describeError } from "@/lib/services/upstream";

export const dynamic = "force-dynamic";

/** The receipt PDF of one pay-in, payout, transfer or refund (`?kind=` names the endpoint, as on the detail page). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ accountId: string; transactionId: string }> },
): Promise<Response> {
  const { accountId, transactionId } = await params;
  // A public endpoint: the session, the account and the permission are checked here and in the service.
  const ctx = await requireAccountPermission(accountId, "transactions.read");
  const kind = new URL(request.url).searchParams.get("kind") ?? undefined;
  try {
    const receipt = await buildTransactionReceipt({ ctx, input: { transactionId, kind } });
    return new Response(Buffer.from(receipt.bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${receipt.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ValidationError)
      return new Response("Not found.", { status: 404 });
    if (err instanceof ForbiddenError) return new Response("Forbidden.", { status: 403 });
    return new Response(describeError(err).message, { status: 502, headers: { "content-type": "text/plain" } });
  }
}
