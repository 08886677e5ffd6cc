// MANGOPAY's webhook receiver, public by design: MANGOPAY calls `GET <url>?EventType&RessourceId&Date`
// and signs nothing. The secret path names the account (unknown → 404, nothing stored); the ping is
// stored once and processed on the job queue, which re-reads the resource from MANGOPAY.
import { requestIp } from "@/lib/server/request-ip";
import { receiveWebhookPing } from "@/lib/services/mirror/receive-ping";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const url = new URL(request.url);
  const outcome = await receiveWebhookPing({
    token,
    // MANGOPAY spells it "RessourceId".
    query: {
      eventType: url.searchParams.get("EventType"),
      resourceId: url.searchParams.get("RessourceId") ?? url.searchParams.get("ResourceId"),
      date: url.searchParams.get("Date"),
    },
    ip: requestIp((name) => request.headers.get(name)),
  });
  if (outcome.status === 429)
    return new Response("Too many requests", {
      status: 429,
      headers: { ...NO_STORE, "retry-after": String(Math.ceil(outcome.retryAfterMs / 1000)) },
    });
  const text = outcome.status === 200 ? "OK" : outcome.status === 404 ? "Not found" : "Bad request";
  return new Response(text, { status: outcome.status, headers: NO_STORE });
}
