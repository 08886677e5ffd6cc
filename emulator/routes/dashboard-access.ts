// /clients/ssos and /clients/permissiongroups (docs/mangopay-api.md §3.19, legacy but in the product's scope).
import { BodyReader } from "../core/body";
import type { ApiContext } from "../core/context";
import { ok } from "../core/context";
import { paramError } from "../core/errors";
import { listResult } from "../core/list";
import type { ApiRouter } from "../core/router";
import {
  createPermissionGroup,
  createSso,
  extendInvitation,
  getPermissionGroup,
  getSso,
  permissionGroups,
  refreshInvitation,
  updatePermissionGroup,
} from "../domain/dashboard-access";

function allSsos(ctx: ApiContext) {
  return [...ctx.store.ssos.values()].map((s) => refreshInvitation(ctx.store, s, ctx.now));
}

const SSO_LIST = { filters: ["InvitationStatus", "PermissionGroupId"], boolFilters: ["Active"] };

function updateSso(ctx: ApiContext) {
  const sso = getSso(ctx.store, ctx.params.ssoId, ctx.now);
  const r = new BodyReader(ctx.body);
  const first = r.string("FirstName", { max: 100 });
  const last = r.string("LastName", { max: 100 });
  const tag = r.tag();
  const groupId = r.string("PermissionGroupId");
  const active = r.bool("Active");
  const email = r.string("Email");
  r.done();
  if (email !== null && email.toLowerCase() !== sso.Email.toLowerCase())
    throw paramError({ Email: "The Email of an SSO cannot be changed." });
  if (groupId !== null) sso.PermissionGroupId = getPermissionGroup(ctx.store, groupId, ctx.now).Id;
  if (first !== null) sso.FirstName = first;
  if (last !== null) sso.LastName = last;
  if (r.has("Tag")) sso.Tag = tag;
  if (active !== null) sso.Active = active;
  return ok(sso);
}

export function registerDashboardAccessRoutes(r: ApiRouter): void {
  r.post("/clients/ssos", (ctx) => {
    const b = new BodyReader(ctx.body);
    const input = {
      FirstName: b.string("FirstName", { required: true, max: 100 }),
      LastName: b.string("LastName", { required: true, max: 100 }),
      Email: b.email("Email", { required: true }),
      PermissionGroupId: b.string("PermissionGroupId", { required: true }),
      Tag: b.tag(),
    };
    b.done();
    return ok(
      createSso(
        ctx.store,
        {
          FirstName: input.FirstName ?? "",
          LastName: input.LastName ?? "",
          Email: input.Email ?? "",
          PermissionGroupId: input.PermissionGroupId ?? "",
          Tag: input.Tag,
        },
        ctx.now,
      ),
    );
  });
  r.get("/clients/ssos", (ctx) => listResult(ctx, allSsos(ctx), SSO_LIST));
  r.get("/clients/ssos/:ssoId", (ctx) => ok(getSso(ctx.store, ctx.params.ssoId, ctx.now)));
  r.put("/clients/ssos/:ssoId", updateSso);
  r.put("/clients/ssos/:ssoId/extendinvitation", (ctx) =>
    ok(extendInvitation(ctx.store, getSso(ctx.store, ctx.params.ssoId, ctx.now), ctx.now)),
  );

  r.post("/clients/permissiongroups", (ctx) => {
    const b = new BodyReader(ctx.body);
    const name = b.string("Name", { required: true, max: 100 });
    const tag = b.tag();
    b.done();
    return ok(createPermissionGroup(ctx.store, name ?? "", tag, ctx.body.Scopes, ctx.now));
  });
  r.get("/clients/permissiongroups", (ctx) =>
    listResult(ctx, permissionGroups(ctx.store, ctx.now).values(), { filters: ["Type"] }),
  );
  r.get("/clients/permissiongroups/:groupId", (ctx) => ok(getPermissionGroup(ctx.store, ctx.params.groupId, ctx.now)));
  r.put("/clients/permissiongroups/:groupId", (ctx) => {
    const group = getPermissionGroup(ctx.store, ctx.params.groupId, ctx.now);
    const b = new BodyReader(ctx.body);
    const name = b.string("Name", { max: 100 });
    const tag = b.tag();
    b.done();
    return ok(updatePermissionGroup(group, name, b.has("Tag") ? tag : undefined, ctx.body.Scopes));
  });
  r.get("/clients/permissiongroups/:groupId/sso", (ctx) => {
    const group = getPermissionGroup(ctx.store, ctx.params.groupId, ctx.now);
    return listResult(
      ctx,
      allSsos(ctx).filter((s) => s.PermissionGroupId === group.Id),
      SSO_LIST,
    );
  });
}
