// MANGOPAY's webhook receiver, public by design: MANGOPAY calls `GET <url>?EventType&RessourceId&Date`
// and signs nothing. The secret path names the account (unknown → 404, nothing stored); the ping is
// stored once and processed on the job queue, which re-reads the resource from MANGOPAY. The
// production server answers most pings before Next.js with the same function (webhook-door.ts).
import { requestIp } from "@/lib/server/request-ip";
import { receiveWebhookPing } from "@/lib/services/mirror/receive-ping";
import { pingQuery, webhookAnswer } from "@/lib/services/mirror/webhook-door";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const outcome = await receiveWebhookPing({
    token,
    query: pingQuery(new URL(request.url).searchParams),
    ip: requestIp((name) => request.headers.get(name)),
  });
  const answer = webhookAnswer(outcome);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
