// POST {base}/v2.01/oauth/token with Basic auth and grant_type=client_credentials (docs/mangopay-api.md §1).
import { z } from "zod";
import {
  AddressRefusedError,
  AuthenticationError,
  NetworkError,
  ParseError,
  RedirectRefusedError,
  TimeoutError,
  UpstreamError,
} from "./errors";
import { readBody, toUpstreamError } from "./http";
import type { UpstreamCall } from "./recorder";

const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  // token_type has been "bearer" and "Bearer": we always send "Bearer".
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

export interface OAuthContext {
  baseUrl: string;
  clientId: string;
  apiKey: string;
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
  record: (call: Omit<UpstreamCall, "accountId" | "clientId">) => void;
}

const SITE = { method: "POST", pathTemplate: "/oauth/token" } as const;

export async function fetchAccessToken(ctx: OAuthContext): Promise<{ accessToken: string; expiresInSeconds: number }> {
  const startedAt = ctx.now();
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  const basic = Buffer.from(`${ctx.clientId}:${ctx.apiKey}`, "utf8").toString("base64");
  let status: number | null = null;
  const finish = (outcome: UpstreamCall["outcome"]) =>
    ctx.record({
      ...SITE,
      status,
      durationMs: Math.max(0, ctx.now() - startedAt),
      rateLimitRemaining: null,
      attempt: 1,
      outcome,
      startedAt: new Date(startedAt),
      idempotencyKey: null,
      requestId: null,
    });
  let raw: { status: number; headers: Headers; body: unknown };
  try {
    const response = await ctx.fetch(`${ctx.baseUrl.replace(/\/+$/, "")}/v2.01/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${basic}`,
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: "grant_type=client_credentials",
      signal,
      cache: "no-store",
      redirect: "manual",
    });
    status = response.status;
    if (status >= 300 && status < 400) {
      finish("http_error");
      throw new RedirectRefusedError(SITE, status);
    }
    raw = { status: response.status, headers: response.headers, body: await readBody(response) };
  } catch (error) {
    if (error instanceof RedirectRefusedError) throw error;
    if (error instanceof AddressRefusedError) {
      finish("network_error");
      throw error;
    }
    if (signal.aborted) {
      finish("timeout");
      throw new TimeoutError(SITE, ctx.timeoutMs, { cause: error });
    }
    finish("network_error");
    throw new NetworkError(SITE, { cause: error });
  }
  finish(raw.status >= 200 && raw.status < 300 ? "ok" : "http_error");
  if (raw.status < 200 || raw.status >= 300) {
    const error = toUpstreamError(raw, SITE);
    // 5xx is transient and may be retried by the caller; anything else means bad credentials.
    if (raw.status >= 500) throw error;
    throw new AuthenticationError({
      ...SITE,
      status: error.status,
      type: error.type,
      message: error.message,
      errors: error.errors,
      requestId: error.requestId,
      cause: error,
    });
  }
  const parsed = TokenResponse.safeParse(raw.body);
  if (!parsed.success) {
    throw new ParseError(
      "OAuth token",
      parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      { cause: parsed.error },
    );
  }
  return { accessToken: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in };
}

export function isTransientTokenError(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  return error instanceof UpstreamError && !(error instanceof AuthenticationError) && error.status >= 500;
}
