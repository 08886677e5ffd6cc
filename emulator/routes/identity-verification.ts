// Identity verification sessions (domain/identity-verification.ts): create per user, list per user, view,
// and the checks of a session.
import { BodyReader } from "../core/body";
import { ok } from "../core/context";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import { createIdentityVerification, getIdentityVerification } from "../domain/identity-verification";
import { getUser } from "../domain/lookups";

export function registerIdentityVerificationRoutes(r: ApiRouter): void {
  r.post("/users/:userId/identity-verifications", (ctx) => {
    const b = new BodyReader(ctx.body);
    const ReturnUrl = b.string("ReturnUrl", { required: true, max: 2048 }) as string;
    if (ReturnUrl !== null && !/^https?:\/\//i.test(ReturnUrl))
      b.fail("ReturnUrl", "The ReturnUrl field must be an http(s) URL.");
    const Tag = b.tag();
    b.done();
    return ok(
      createIdentityVerification(ctx.emu, ctx.store, ctx.params.userId, { ReturnUrl, Tag }, ctx.now, ctx.origin),
    );
  });
  r.get("/users/:userId/identity-verifications", (ctx) => {
    getUser(ctx.store, ctx.params.userId);
    const items = [...ctx.store.identityVerifications.values()].filter((s) => s.UserId === ctx.params.userId);
    return listResult(ctx, items, { filters: ["Status"] });
  });
  r.get("/identity-verifications/:id", (ctx) => ok(getIdentityVerification(ctx.store, ctx.params.id)));
  r.get("/identity-verifications/:id/checks", (ctx) => {
    const session = getIdentityVerification(ctx.store, ctx.params.id);
    return ok({
      SessionId: session.Id,
      Status: session.Status,
      CreationDate: session.CreationDate,
      LastUpdate: session.LastUpdate,
      Checks: session.Checks,
    });
  });
}
