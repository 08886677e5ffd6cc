// The request pipeline of MANGOPAY's URL space: faults → OAuth/auth → quota → route → body →
// idempotency → handler → idempotent store → (drop) → JSON with rate-limit headers.
import type { Context } from "hono";
import { authenticate, clientOfCredentials } from "./auth";
import type { ApiContext, ApiResult, AppEnv } from "./context";
import type { Emulator } from "./emulator";
import { ApiError, invalidCredentials, rateLimitError, type ErrorBody } from "./errors";
import { checkIdempotencyKey, storeIdempotentResponse } from "./idempotency";
import { Query } from "./query";
import { drop, errorResponse, hang, jsonResponse } from "./respond";
import { splitPath, type ApiRouter } from "./router";
import { handleOAuthToken } from "../routes/oauth";

const FAULT_MESSAGES: Record<number, string> = {
  500: "An internal server error occurred",
  502: "Bad gateway",
  503: "Service temporarily unavailable",
};

export async function handleApi(emu: Emulator, router: ApiRouter, c: Context<AppEnv>): Promise<Response> {
  const method = c.req.method.toUpperCase();
  const url = c.req.url;
  const segments = splitPath(c.req.path);
  const version = segments[0]?.toLowerCase();
  if ((version !== "v2.01" && version !== "v3.0") || segments.length < 2) return notFoundRoute(emu);
  // `/V3.0/{ClientId}/…` (pay-in intents) shares the client, auth and pipeline; its routes are registered
  // under `/v3.0/…` so they never collide with v2.01 paths.
  const v3 = version === "v3.0";

  const isOAuth =
    !v3 && segments.length === 3 && segments[1].toLowerCase() === "oauth" && segments[2].toLowerCase() === "token";
  // `/v2.01/countries/…` has no ClientId: the bearer token (or Basic credentials) names the client.
  const clientless =
    !v3 && !isOAuth && segments[1].toLowerCase() === "countries" && emu.client(segments[1]) === undefined;
  const rest = isOAuth || clientless ? segments.slice(1) : v3 ? ["v3.0", ...segments.slice(2)] : segments.slice(2);
  const restPath = "/" + rest.join("/");

  const decision = emu.faults.decide(restPath, method);
  if (decision.delayMs > 0) await emu.scheduler.sleep(decision.delayMs);
  const fault = decision.terminal;
  if (fault?.kind === "timeout") return hang(emu, c.env);
  if (fault?.kind === "error") {
    const err = new ApiError(fault.status, "other", FAULT_MESSAGES[fault.status] ?? "Server error");
    return errorResponse(fault.status, err.toBody(emu.clock.now()), null);
  }
  if (fault?.kind === "rate_limit") {
    return errorResponse(429, rateLimitError().toBody(emu.clock.now()), emu.rateLimiter.exhausted(emu.clock.nowMs()));
  }
  const dropIt = fault?.kind === "drop";

  if (isOAuth) {
    if (method !== "POST") return methodNotAllowed(emu);
    const res = await handleOAuthToken(emu, c);
    return dropIt ? drop(c.env, null) : res;
  }

  const authorization = c.req.header("authorization");
  const claimed = clientless ? clientOfCredentials(emu, authorization) : emu.client(segments[1]);
  const store = authenticate(emu, claimed, authorization);
  if (!store) return errorResponse(401, invalidCredentials().toBody(emu.clock.now()), null);

  const rate = emu.rateLimiter.hit(store.info.ClientId, emu.clock.nowMs());
  if (rate.exceeded) return errorResponse(429, rateLimitError().toBody(emu.clock.now()), rate);

  const match = router.match(method, rest);
  if (!match) {
    if (router.hasPath(rest)) return methodNotAllowed(emu, rate);
    return notFoundRoute(emu, rate);
  }

  const now = emu.clock.now();
  const idempotencyKey = method === "POST" ? c.req.header("idempotency-key") : undefined;
  let status: number;
  let json: string | null;
  let extraHeaders: Record<string, string> | undefined;
  try {
    const body = method === "POST" || method === "PUT" ? await readJsonBody(c) : {};
    if (idempotencyKey !== undefined) checkIdempotencyKey(store, idempotencyKey, emu.clock.nowMs());
    const q = url.indexOf("?");
    const ctx: ApiContext = {
      emu,
      store,
      method,
      path: restPath,
      params: match.params,
      query: Query.parse(url),
      rawQuery: q < 0 ? "" : url.slice(q + 1),
      body,
      origin: new URL(url).origin,
      now,
    };
    const result: ApiResult = await match.route.handler(ctx);
    status = result.status ?? 200;
    json = status === 204 ? null : JSON.stringify(result.body);
    extraHeaders = result.headers;
  } catch (err) {
    const apiErr = err instanceof ApiError ? err : internalError(err);
    status = apiErr.status;
    json = JSON.stringify(v3 ? v3ErrorBody(apiErr.toBody(now)) : apiErr.toBody(now));
    // A conflicting key must not overwrite the response stored under it.
    if (
      apiErr.type === "idempotent_creation_conflict" ||
      (apiErr.status === 400 && apiErr.errors?.["Idempotency-Key"])
    ) {
      return jsonResponse(status, json, rate);
    }
  }

  if (idempotencyKey !== undefined) {
    storeIdempotentResponse(store, {
      key: idempotencyKey,
      createdAtMs: emu.clock.nowMs(),
      statusCode: status,
      bodyJson: json ?? "",
      requestUrl: url,
    });
  }
  if (dropIt) return drop(c.env, method === "GET" && json !== null ? { status, json } : null);
  return jsonResponse(status, json, rate, extraHeaders);
}

async function readJsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(400, "param_error", "The request body is not valid JSON.", { Body: "Invalid JSON." });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, "param_error", "The request body must be a JSON object.", { Body: "Expected an object." });
  }
  return parsed as Record<string, unknown>;
}

/** V3.0 errors name their field messages `Errors` (the SDK's own intent tests read `error.Errors.Split`). */
function v3ErrorBody(body: ErrorBody): Record<string, unknown> {
  const { errors, ...rest } = body;
  return errors === undefined ? rest : { ...rest, Errors: errors };
}

function internalError(err: unknown): ApiError {
  console.error("emulator: unhandled error", err);
  return new ApiError(500, "other", "An internal server error occurred");
}

function notFoundRoute(emu: Emulator, rate: Parameters<typeof jsonResponse>[2] = null): Response {
  const err = new ApiError(404, "ressource_not_found", "The ressource does not exist", {
    RessourceNotFound: "Unknown URL",
  });
  return errorResponse(404, err.toBody(emu.clock.now()), rate);
}

function methodNotAllowed(emu: Emulator, rate: Parameters<typeof jsonResponse>[2] = null): Response {
  const err = new ApiError(405, "method_not_allowed", "The requested resource does not support this HTTP method");
  return errorResponse(405, err.toBody(emu.clock.now()), rate);
}
