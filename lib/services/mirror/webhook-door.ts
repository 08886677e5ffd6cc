import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/server/logger";
import { requestIp } from "@/lib/server/request-ip";
import { STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { RECEIVER_PATH, TOKEN_SHAPE } from "./endpoint";
import { receiveWebhookPing, type PingOutcome } from "./receive-ping";

// The receiver's answer, and its door in front of Next.js. MANGOPAY may call a busy platform's hooks
// a thousand times a second; Next.js's router, proxy and route machinery cost several ms of CPU per
// request, the receiver itself a small fraction of one. So the production server (scripts/start.mjs)
// hands a webhook ping straight to receiveWebhookPing — the same function and the same checks as the
// route handler (app/api/webhooks/mangopay/[token]/route.ts), which still serves `next dev`,
// `next start` and every request the door does not take.

export type WebhookAnswer = { status: number; headers: Record<string, string>; body: string };

const HEADERS: Record<string, string> = {
  "cache-control": "no-store",
  "content-type": "text/plain; charset=utf-8",
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
};

/** The HTTP answer to a receiver outcome: a short text, never anything about the account. */
export function webhookAnswer(outcome: PingOutcome): WebhookAnswer {
  if (outcome.status === 429)
    return {
      status: 429,
      headers: { ...HEADERS, "retry-after": String(Math.ceil(outcome.retryAfterMs / 1000)) },
      body: "Too many requests",
    };
  const body = outcome.status === 200 ? "OK" : outcome.status === 404 ? "Not found" : "Bad request";
  return { status: outcome.status, headers: HEADERS, body };
}

/** The query as the receiver reads it (MANGOPAY spells it "RessourceId"). */
export function pingQuery(params: URLSearchParams) {
  return {
    eventType: params.get("EventType"),
    resourceId: params.get("RessourceId") ?? params.get("ResourceId"),
    date: params.get("Date"),
  };
}

/**
 * Takes a request if it is a GET of `/api/webhooks/mangopay/<token>` with a well-formed token and
 * answers it; anything else — another method, an encoded or oddly shaped path — is left to Next.js
 * (false), whose route handler gives the same answers.
 */
export function webhookDoor(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  if (req.method !== "GET" || !url.startsWith(RECEIVER_PATH)) return false;
  const q = url.indexOf("?");
  const token = url.slice(RECEIVER_PATH.length, q === -1 ? undefined : q);
  if (!TOKEN_SHAPE.test(token)) return false;
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  };
  receiveWebhookPing({
    token,
    query: pingQuery(new URLSearchParams(q === -1 ? "" : url.slice(q + 1))),
    ip: requestIp(header),
  }).then(
    (outcome) => {
      const answer = webhookAnswer(outcome);
      res.writeHead(answer.status, answer.headers).end(answer.body);
    },
    (err: unknown) => {
      // MANGOPAY calls again later; the ping was not stored.
      logger.error({ err: err instanceof Error ? err.message : String(err) }, "webhook ping failed");
      if (!res.headersSent) res.writeHead(500, HEADERS);
      res.end("Internal error");
    },
  );
  return true;
}

const DOOR = Symbol.for("mangopay-dashboard.webhook-door");

/**
 * Offers the door to the production server (instrumentation.ts runs this at start-up, which may end
 * after Next.js's `prepare()`: start.mjs looks the door up for each request).
 */
export function offerWebhookDoor(): void {
  (globalThis as Record<symbol, unknown>)[DOOR] = webhookDoor;
}
