// UBO declarations (docs/mangopay-api.md §3.14): create, add/update/view UBOs, submit, view, list per user.
import { asksToSubmit, BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { listResult, resolveIds } from "../core/list";
import type { ApiRouter } from "../core/router";
import { getUser } from "../domain/lookups";
import {
  addUbo,
  createUboDeclaration,
  getUbo,
  getUboDeclaration,
  submitUboDeclaration,
  updateUbo,
} from "../domain/ubo";
import type { UboDeclaration } from "../store/compliance-types";

function userDeclaration(ctx: ApiContext): UboDeclaration {
  getUser(ctx.store, ctx.params.userId);
  return getUboDeclaration(ctx.store, ctx.params.declId, ctx.params.userId);
}

/** PUT: `Status: "VALIDATION_ASKED"` submits; the SDK also sends Id and Ubos back, which are ignored. */
function updateDeclaration(ctx: ApiContext) {
  const decl = userDeclaration(ctx);
  const r = new BodyReader(ctx.body);
  const tag = r.tag();
  const status = r.string("Status");
  r.done();
  if (r.has("Tag")) decl.Tag = tag;
  if (asksToSubmit(status, decl.Status)) submitUboDeclaration(ctx.emu, ctx.store, decl, ctx.now);
  return ok(decl);
}

export function registerUboRoutes(r: ApiRouter): void {
  const base = "/users/:userId/kyc/ubodeclarations";
  r.post(base, (ctx) => ok(createUboDeclaration(ctx.emu, ctx.store, ctx.params.userId, ctx.now)));
  r.get(base, (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const state = ctx.store;
    return listResult(ctx, resolveIds(state.idx.uboByUser.get(ctx.params.userId), state.uboDeclarations));
  });
  r.get(`${base}/:declId`, (ctx) => ok(userDeclaration(ctx)));
  r.put(`${base}/:declId`, updateDeclaration);
  r.post(`${base}/:declId/ubos`, (ctx) => ok(addUbo(ctx.store, userDeclaration(ctx), ctx.body, ctx.now)));
  r.get(`${base}/:declId/ubos/:uboId`, (ctx) => ok(getUbo(userDeclaration(ctx), ctx.params.uboId)));
  r.put(`${base}/:declId/ubos/:uboId`, (ctx) => {
    const decl = userDeclaration(ctx);
    return ok(updateUbo(decl, getUbo(decl, ctx.params.uboId), ctx.body));
  });
  r.get("/kyc/ubodeclarations/:declId", (ctx) => ok(getUboDeclaration(ctx.store, ctx.params.declId)));
}
