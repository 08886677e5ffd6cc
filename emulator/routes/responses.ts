// GET /responses/{IdempotencyKey} (docs/mangopay-api.md §2.4): the stored response, StatusCode/ContentLength as strings.
import { ok } from "../core/context";
import { notFound } from "../core/errors";
import { findStoredResponse } from "../core/idempotency";
import { JSON_TYPE } from "../core/respond";
import type { ApiRouter } from "../core/router";

export function registerResponseRoutes(r: ApiRouter): void {
  r.get("/responses/:key", (ctx) => {
    const entry = findStoredResponse(ctx.store, ctx.params.key, ctx.emu.clock.nowMs());
    if (!entry) throw notFound("Response", ctx.params.key);
    return ok({
      StatusCode: String(entry.statusCode),
      ContentLength: String(Buffer.byteLength(entry.bodyJson)),
      ContentType: JSON_TYPE,
      Date: new Date(entry.createdAtMs).toUTCString(),
      RequestURL: entry.requestUrl,
      Resource: entry.bodyJson ? (JSON.parse(entry.bodyJson) as unknown) : null,
    });
  });
}
