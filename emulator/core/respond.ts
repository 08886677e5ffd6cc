// Building responses: JSON with MANGOPAY headers, plus the two sabotage modes used by faults
// (hold the socket open, or cut it before/while answering).
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Emulator } from "./emulator";
import type { ErrorBody } from "./errors";
import { rateLimitHeaders, type RateLimitState } from "./rate-limit";

export const JSON_TYPE = "application/json; charset=utf-8";

export function jsonResponse(
  status: number,
  json: string | null,
  rate: RateLimitState | null,
  extra?: Record<string, string>,
): Response {
  const headers: Record<string, string> = { ...(rate ? rateLimitHeaders(rate) : {}), ...extra };
  if (json !== null) headers["content-type"] = JSON_TYPE;
  return new Response(status === 204 ? null : json, { status, headers });
}

export function errorResponse(status: number, body: ErrorBody, rate: RateLimitState | null): Response {
  return jsonResponse(status, JSON.stringify(body), rate);
}

/** `timeout` fault: never answer; released when the client goes away or the emulator closes. */
export function hang(emu: Emulator, env: HttpBindings): Promise<Response> {
  return new Promise((resolve) => {
    const release = (): void => {
      emu.hanging.delete(release);
      env.incoming.socket.destroy();
      resolve(RESPONSE_ALREADY_SENT);
    };
    emu.hanging.add(release);
    env.incoming.socket.once("close", release);
  });
}

/** `drop` fault: before any byte (POST: the operation already ran) or mid-body (GET). */
export function drop(env: HttpBindings, midBody: { status: number; json: string } | null): Response {
  const socket = env.incoming.socket;
  if (midBody) {
    const bytes = Buffer.from(midBody.json);
    env.outgoing.writeHead(midBody.status, { "content-type": JSON_TYPE, "content-length": String(bytes.length) });
    env.outgoing.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => socket.destroy());
  } else {
    socket.destroy();
  }
  return RESPONSE_ALREADY_SENT;
}
