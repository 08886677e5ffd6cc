import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ACCOUNT_CREDENTIALS_SELECT, rememberAccountCredentials } from "@/lib/services/api-accounts/internal";
import { sessionUserIdHint } from "./auth";
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

type AccountRow = Awaited<ReturnType<typeof queryAccountRow>>;

/**
 * The account with the person's access rows, by the person (not yet by Hub and membership): it needs
 * only the session's user id, so a page can start it alongside the session and membership reads.
 */
function queryAccountRow(accountId: string, userId: string) {
  return db.apiAccount.findFirst({
    where: { id: accountId, access: { some: { membership: { userId } } } },
    select: {
      ...ACCOUNT_CREDENTIALS_SELECT,
      name: true,
      environment: true,
      hubId: true,
      access: {
        where: { membership: { userId } },
        select: { grants: true, source: true, membershipId: true },
      },
    },
  });
}

/**
 * The API account `accountId` of the context's Hub, if this member has access to it. A foreign,
 * missing or not-granted id all look the same: NotFoundError. `prefetched` is the same query started
 * earlier for the same person; the Hub and membership are checked here either way.
 */
export async function loadAccountContext(
  hubCtx: HubContext,
  accountId: unknown,
  prefetched?: Promise<AccountRow>,
): Promise<AccountContext> {
  const id = AccountId.safeParse(accountId);
  if (!id.success) throw new NotFoundError("API account not found");
  const row = await (prefetched ?? queryAccountRow(id.data, hubCtx.actor.id));
  const access = row?.access.find((a) => a.membershipId === hubCtx.membership.id);
  if (!row || row.id !== id.data || row.hubId !== hubCtx.hub.id || !access) {
    throw new NotFoundError("API account not found");
  }
  rememberAccountCredentials(hubCtx.hub.id, row);
  noteRequestActor(hubCtx.requestId, { accountId: row.id });
  return {
    ...hubCtx,
    account: { id: row.id, name: row.name, environment: row.environment, clientId: row.clientId, baseUrl: row.baseUrl },
    access: { grants: access.grants, source: access.source },
    permissions: effectivePermissions(hubCtx.membership.role, access.grants),
  };
}

/**
 * Pages and layouts: computed once per request; an inaccessible account renders the 404 page. The
 * account read starts with the session check (from the signed session's user id, used only once
 * that user is confirmed), so the shell costs one database round after the cookie, not three.
 */
export const getAccountContext = cache(async (accountId: string): Promise<AccountContext> => {
  const claimedUserId = await sessionUserIdHint();
  const id = AccountId.safeParse(accountId);
  const early = claimedUserId && id.success ? queryAccountRow(id.data, claimedUserId) : undefined;
  early?.catch(() => undefined); // awaited below when the session holds; never an unhandled rejection
  const hubCtx = await getHubContext();
  try {
    return await loadAccountContext(hubCtx, accountId, hubCtx.actor.id === claimedUserId ? early : undefined);
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
