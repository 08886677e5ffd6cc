// Pay-in intents (V3.0): `/V3.0/{ClientId}/payins/intents…`, registered under `/v3.0` (core/pipeline.ts).
// Settlements (`/payins/intents/settlements…`) are registered first; the file upload is a page (pages/settlement-upload.ts).
import { ok } from "../core/context";
import { pageParams, pageResult, sortParam } from "../core/list";
import type { ApiRouter } from "../core/router";
import {
  cancelIntent,
  captureIntent,
  createIntentAuthorization,
  createIntentSplits,
  decideIntentDispute,
  disputeIntentCapture,
  executeIntentSplit,
  getIntent,
  getIntentSplit,
  refundIntent,
  reverseIntentRefund,
  reverseIntentSplit,
  updateIntentSplit,
} from "../domain/pay-in-intents";
import {
  cancelSettlement,
  createSettlement,
  getSettlement,
  renewSettlementUpload,
  settlementValidations,
  settlementView,
} from "../domain/intent-settlements";

const BASE = "/v3.0/payins/intents";

const SETTLEMENTS = `${BASE}/settlements`;

export function registerPayInIntentRoutes(r: ApiRouter): void {
  // Documented by MANGOPAY (absent from the SDK): newest first; `Sort=CreationDate:ASC` turns it; `Status` filters.
  r.get(SETTLEMENTS, (ctx) => {
    const { page, perPage } = pageParams(ctx);
    const sort = sortParam(ctx);
    const oldestFirst = sort !== null && sort.field.toLowerCase() === "creationdate" && !sort.desc;
    const wanted = ctx.query.all("Status").flatMap((v) => v.toUpperCase().split(","));
    const all = [...ctx.store.intentSettlements.values()].filter(
      (s) => wanted.length === 0 || wanted.includes(s.Status),
    );
    // Creation order is insertion order; ties in CreationDate keep it (reversed for newest first).
    const ordered = oldestFirst ? all : all.reverse();
    return pageResult(ctx, ordered, page, perPage, settlementView);
  });
  r.post(SETTLEMENTS, (ctx) => ok(createSettlement(ctx.store, ctx.body, ctx.now, ctx.origin)));
  r.get(`${SETTLEMENTS}/:settlementId`, (ctx) => ok(settlementView(getSettlement(ctx.store, ctx.params.settlementId))));
  r.put(`${SETTLEMENTS}/:settlementId`, (ctx) =>
    ok(renewSettlementUpload(ctx.store, ctx.params.settlementId, ctx.body, ctx.now, ctx.origin)),
  );
  r.get(`${SETTLEMENTS}/:settlementId/validations`, (ctx) =>
    ok(settlementValidations(ctx.store, ctx.params.settlementId)),
  );
  r.post(`${SETTLEMENTS}/:settlementId/cancel`, (ctx) => ok(cancelSettlement(ctx.store, ctx.params.settlementId)));
  r.post(BASE, (ctx) => ok(createIntentAuthorization(ctx.emu, ctx.store, ctx.body, ctx.now)));
  r.get(`${BASE}/:intentId`, (ctx) => ok(getIntent(ctx.store, ctx.params.intentId)));
  r.post(`${BASE}/:intentId/captures`, (ctx) =>
    ok(captureIntent(ctx.emu, ctx.store, ctx.params.intentId, ctx.body, ctx.now)),
  );
  r.post(`${BASE}/:intentId/cancel`, (ctx) => ok(cancelIntent(ctx.store, ctx.params.intentId, ctx.body)));
  r.post(`${BASE}/:intentId/refunds`, (ctx) =>
    ok(refundIntent(ctx.emu, ctx.store, ctx.params.intentId, ctx.body, ctx.now)),
  );
  r.post(`${BASE}/:intentId/refunds/:refundId/reverse`, (ctx) =>
    ok(reverseIntentRefund(ctx.emu, ctx.store, ctx.params.intentId, ctx.params.refundId, ctx.body, ctx.now)),
  );
  r.post(`${BASE}/:intentId/captures/:captureId/disputes`, (ctx) =>
    ok(disputeIntentCapture(ctx.emu, ctx.store, ctx.params.intentId, ctx.params.captureId, ctx.body, ctx.now)),
  );
  r.put(`${BASE}/:intentId/captures/:captureId/disputes/:disputeId/decision`, (ctx) =>
    ok(
      decideIntentDispute(
        ctx.emu,
        ctx.store,
        ctx.params.intentId,
        ctx.params.captureId,
        ctx.params.disputeId,
        ctx.body,
        ctx.now,
      ),
    ),
  );
  r.post(`${BASE}/:intentId/splits`, (ctx) =>
    ok(createIntentSplits(ctx.emu, ctx.store, ctx.params.intentId, ctx.body, ctx.now)),
  );
  r.get(`${BASE}/:intentId/splits/:splitId`, (ctx) =>
    ok(getIntentSplit(ctx.store, ctx.params.intentId, ctx.params.splitId)),
  );
  r.put(`${BASE}/:intentId/splits/:splitId`, (ctx) =>
    ok(updateIntentSplit(ctx.store, ctx.params.intentId, ctx.params.splitId, ctx.body, ctx.now)),
  );
  r.post(`${BASE}/:intentId/splits/:splitId/execute`, (ctx) =>
    ok(executeIntentSplit(ctx.store, ctx.params.intentId, ctx.params.splitId)),
  );
  r.post(`${BASE}/:intentId/splits/:splitId/reverse`, (ctx) =>
    ok(reverseIntentSplit(ctx.emu, ctx.store, ctx.params.intentId, ctx.params.splitId, ctx.now)),
  );
}
