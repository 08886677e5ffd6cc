// Disputes and dispute documents (docs/mangopay-api.md §3.15): lists with Status/DisputeType/dates, per user,
// wallet and pay-in, pending settlement, transactions, Tag update, submit (contest/resubmit), close.
import { asksToSubmit, BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { noContent, ok } from "../core/context";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { consultLinks } from "../domain/document-pages";
import {
  addDisputePage,
  createDisputeDocument,
  getDisputeDocument,
  submitDisputeDocument,
} from "../domain/dispute-documents";
import { closeDispute, getDispute, submitDispute } from "../domain/disputes";
import { pageCount } from "../domain/kyc";
import { getTransaction, getUser, getWallet } from "../domain/lookups";
import { isPendingSettlement } from "../domain/repudiations";
import { DISPUTE_DOC_TYPES, type DisputeDocument } from "../store/compliance-types";
import { lenientReader } from "./money-input";
import { txList } from "./tx-lists";

const LIST = { filters: ["Status", "DisputeType"], dateField: "CreationDate" } as const;

function disputesOf(ctx: ApiContext, ids: readonly string[]) {
  return listResult(ctx, resolveIds(ids, ctx.store.disputes), LIST);
}

function disputeDoc(ctx: ApiContext): DisputeDocument {
  getDispute(ctx.store, ctx.params.disputeId);
  return getDisputeDocument(ctx.store, ctx.params.docId, ctx.params.disputeId);
}

function registerDocumentRoutes(r: ApiRouter): void {
  r.post("/disputes/:disputeId/documents", (ctx) => {
    const dispute = getDispute(ctx.store, ctx.params.disputeId);
    const body = new BodyReader(ctx.body);
    const type = body.enumOf("Type", DISPUTE_DOC_TYPES, { required: true });
    const tag = body.tag();
    body.done();
    return ok(createDisputeDocument(ctx.emu, ctx.store, dispute, type ?? "OTHER", tag, ctx.now));
  });
  r.get("/disputes/:disputeId/documents", (ctx) => {
    getDispute(ctx.store, ctx.params.disputeId);
    const state = ctx.store;
    return listResult(ctx, resolveIds(state.idx.docsByDispute.get(ctx.params.disputeId), state.disputeDocuments));
  });
  r.post("/disputes/:disputeId/documents/:docId/pages", (ctx) => {
    addDisputePage(ctx.store, disputeDoc(ctx), ctx.body, ctx.now);
    return noContent();
  });
  r.put("/disputes/:disputeId/documents/:docId", (ctx) => {
    const doc = disputeDoc(ctx);
    const body = new BodyReader(ctx.body);
    const tag = body.tag();
    const status = body.string("Status");
    body.done();
    if (body.has("Tag")) doc.Tag = tag;
    if (asksToSubmit(status, doc.Status)) submitDisputeDocument(ctx.emu, ctx.store, doc, ctx.now);
    return ok(doc);
  });
  r.get("/dispute-documents", (ctx) => listResult(ctx, ctx.store.disputeDocuments.values()));
  r.get("/dispute-documents/:docId", (ctx) => ok(getDisputeDocument(ctx.store, ctx.params.docId)));
  r.post("/dispute-documents/:docId/consult", (ctx) => {
    const doc = getDisputeDocument(ctx.store, ctx.params.docId);
    return ok(consultLinks(ctx.origin, ctx.store.info.ClientId, doc.Id, pageCount(ctx.store, doc.Id), ctx.now));
  });
}

export function registerDisputeRoutes(r: ApiRouter): void {
  r.get("/disputes", (ctx) => listResult(ctx, ctx.store.disputes.values(), LIST));
  r.get("/disputes/pendingsettlement", (ctx) => {
    const pending = [...ctx.store.disputes.values()].filter((d) => isPendingSettlement(ctx.store, d));
    return listResult(ctx, pending, LIST);
  });
  r.get("/disputes/:disputeId", (ctx) => ok(getDispute(ctx.store, ctx.params.disputeId)));
  r.put("/disputes/:disputeId", (ctx) => {
    const dispute = getDispute(ctx.store, ctx.params.disputeId);
    const body = new BodyReader(ctx.body);
    const tag = body.tag();
    body.done();
    if (body.has("Tag")) dispute.Tag = tag;
    return ok(dispute);
  });
  r.put("/disputes/:disputeId/submit", (ctx) => {
    const dispute = getDispute(ctx.store, ctx.params.disputeId);
    const body = lenientReader(ctx.body, ["ContestedFunds"]);
    const contested = body.money("ContestedFunds");
    body.done();
    return ok(submitDispute(ctx.emu, ctx.store, dispute, contested, ctx.now));
  });
  r.put("/disputes/:disputeId/close", (ctx) =>
    ok(closeDispute(ctx.emu, ctx.store, getDispute(ctx.store, ctx.params.disputeId), ctx.now)),
  );
  r.get("/disputes/:disputeId/transactions", (ctx) => {
    getDispute(ctx.store, ctx.params.disputeId);
    return txList(ctx, ctx.store.idx.txByDispute.get(ctx.params.disputeId));
  });
  r.get("/users/:userId/disputes", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    return disputesOf(ctx, ctx.store.idx.disputesByUser.get(ctx.params.userId));
  });
  r.get("/wallets/:walletId/disputes", (ctx) => {
    getWallet(ctx.store, ctx.params.walletId);
    return disputesOf(ctx, ctx.store.idx.disputesByWallet.get(ctx.params.walletId));
  });
  r.get("/payins/:payinId/disputes", (ctx) => {
    getTransaction(ctx.store, ctx.params.payinId, "PAYIN");
    return disputesOf(ctx, ctx.store.idx.disputesByPayIn.get(ctx.params.payinId));
  });
  registerDocumentRoutes(r);
}
