import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getActionHubContext, getHubContext } from "./context";
import type { AccountContext, HubContext } from "./context-types";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { can, effectivePermissions, type Permission } from "./permissions";
import { noteRequestActor } from "./request-context";

// cuid-shaped: letters, digits, `_` and `-` only. A NUL byte used to reach PostgreSQL (which refuses it)
// and came back as an internal error instead of a plain NotFound.
const AccountId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/**
 * The API account `accountId` of the context's Hub, if this member has access to it. A foreign,
 * missing or not-granted id all look the same: NotFoundError.
 */
export async function loadAccountContext(hubCtx: HubContext, accountId: unknown): Promise<AccountContext> {
  const id = AccountId.safeParse(accountId);
  if (!id.success) throw new NotFoundError("API account not found");
  const row = await db.apiAccount.findFirst({
    where: { id: id.data, hubId: hubCtx.hub.id, access: { some: { membershipId: hubCtx.membership.id } } },
    select: {
      id: true,
      name: true,
      environment: true,
      clientId: true,
      baseUrl: true,
      access: { where: { membershipId: hubCtx.membership.id }, select: { grants: true, source: true } },
    },
  });
  const access = row?.access[0];
  if (!row || !access) throw new NotFoundError("API account not found");
  noteRequestActor(hubCtx.requestId, { accountId: row.id });
  return {
    ...hubCtx,
    account: { id: row.id, name: row.name, environment: row.environment, clientId: row.clientId, baseUrl: row.baseUrl },
    access,
    permissions: effectivePermissions(hubCtx.membership.role, access.grants),
  };
}

/** Pages and layouts: computed once per request; an inaccessible account renders the 404 page. */
export const getAccountContext = cache(async (accountId: string): Promise<AccountContext> => {
  const hubCtx = await getHubContext();
  try {
    return await loadAccountContext(hubCtx, accountId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

/** Server actions and route handlers: errors instead of redirects. */
export async function getActionAccountContext(accountId: unknown): Promise<AccountContext> {
  return loadAccountContext(await getActionHubContext(), accountId);
}

/** Hub pages: the member must hold `permission`, else back to the Hub home (the "403" of pages). */
export async function requireHubPermission(permission: Permission): Promise<HubContext> {
  const ctx = await getHubContext();
  if (!can(ctx, permission)) redirect("/hub?denied=1");
  return ctx;
}

/** Dashboard pages: the account must be accessible (else 404) and the permission effective. */
export async function requireAccountPermission(
  accountId: string,
  permission: Permission | null,
): Promise<AccountContext> {
  const ctx = await getAccountContext(accountId);
  if (permission && !can(ctx, permission)) redirect(`/accounts/${encodeURIComponent(ctx.account.id)}?denied=1`);
  return ctx;
}
