// POST /v2.01/oauth/token (docs/mangopay-api.md §1): Basic auth, grant_type=client_credentials, OAuth-style errors.
import type { Context } from "hono";
import { parseBasic } from "../core/auth";
import type { Emulator } from "../core/emulator";
import type { AppEnv } from "../core/context";
import { jsonResponse } from "../core/respond";

export async function handleOAuthToken(emu: Emulator, c: Context<AppEnv>): Promise<Response> {
  const creds = parseBasic(c.req.header("authorization"));
  const store = creds ? emu.client(creds.clientId) : undefined;
  if (!creds || !store || store.info.ClientId !== creds.clientId || store.info.ApiKey !== creds.apiKey) {
    const body = { error: "invalid_client", error_description: "The client credentials are invalid" };
    return jsonResponse(401, JSON.stringify(body), null);
  }
  const rate = emu.rateLimiter.hit(store.info.ClientId, emu.clock.nowMs());
  const form = new URLSearchParams(await c.req.text());
  const grant = form.get("grant_type");
  if (grant !== "client_credentials") {
    const body = { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" };
    return jsonResponse(400, JSON.stringify(body), rate);
  }
  const ttl = emu.options.tokenTtlSeconds;
  const token = emu.tokens.issue(store.info.ClientId, emu.clock.nowMs(), ttl);
  return jsonResponse(200, JSON.stringify({ access_token: token, token_type: "bearer", expires_in: ttl }), rate);
}
