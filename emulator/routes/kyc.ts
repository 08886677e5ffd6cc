// KYC documents (docs/mangopay-api.md §3.13): create, pages, submit, view, lists with Status/Type/dates, consult.
import { asksToSubmit, BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { noContent, ok } from "../core/context";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { consultLinks } from "../domain/document-pages";
import { addKycPage, createKycDocument, getKycDocument, pageCount, submitKycDocument } from "../domain/kyc";
import { getUser } from "../domain/lookups";
import { KYC_TYPES, type KycDocument } from "../store/compliance-types";

const LIST = { filters: ["Status", "Type"], dateField: "CreationDate" } as const;

function userDoc(ctx: ApiContext): KycDocument {
  getUser(ctx.store, ctx.params.userId);
  return getKycDocument(ctx.store, ctx.params.docId, ctx.params.userId);
}

/** PUT: `Status: "VALIDATION_ASKED"` submits; the SDK sends the whole object back, so an unchanged Status is ignored. */
function updateDocument(ctx: ApiContext) {
  const doc = userDoc(ctx);
  const r = new BodyReader(ctx.body);
  const tag = r.tag();
  const status = r.string("Status");
  r.done();
  if (asksToSubmit(status, doc.Status)) submitKycDocument(ctx.emu, ctx.store, doc, ctx.now);
  if (r.has("Tag")) doc.Tag = tag;
  return ok(doc);
}

export function registerKycRoutes(r: ApiRouter): void {
  r.post("/users/:userId/kyc/documents", (ctx) => {
    const body = new BodyReader(ctx.body);
    const type = body.enumOf("Type", KYC_TYPES, { required: true });
    const tag = body.tag();
    body.done();
    return ok(createKycDocument(ctx.emu, ctx.store, ctx.params.userId, type ?? "IDENTITY_PROOF", tag, ctx.now));
  });
  r.get("/users/:userId/kyc/documents", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const state = ctx.store;
    return listResult(ctx, resolveIds(state.idx.kycByUser.get(ctx.params.userId), state.kycDocuments), LIST);
  });
  r.get("/users/:userId/kyc/documents/:docId", (ctx) => ok(userDoc(ctx)));
  r.put("/users/:userId/kyc/documents/:docId", updateDocument);
  r.post("/users/:userId/kyc/documents/:docId/pages", (ctx) => {
    addKycPage(ctx.store, userDoc(ctx), ctx.body, ctx.now);
    return noContent();
  });
  r.get("/kyc/documents", (ctx) => listResult(ctx, ctx.store.kycDocuments.values(), LIST));
  r.get("/kyc/documents/:docId", (ctx) => ok(getKycDocument(ctx.store, ctx.params.docId)));
  r.post("/kyc/documents/:docId/consult", (ctx) => {
    const doc = getKycDocument(ctx.store, ctx.params.docId);
    return ok(consultLinks(ctx.origin, ctx.store.info.ClientId, doc.Id, pageCount(ctx.store, doc.Id), ctx.now));
  });
}
