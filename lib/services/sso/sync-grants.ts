import "server-only";
import type { AccountContext, RequestMeta } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/upstream";
import { applySyncChanges, fetchSsoDirectory } from "./internal";
import { planSsoSync, type SyncMember } from "./plan-sync";
import { SyncSsoInput } from "./schemas";

export type SsoSyncSummary = { granted: number; revoked: number };

async function membersFor(hubId: string, apiAccountId: string, userId?: string): Promise<SyncMember[]> {
  const rows = await db.membership.findMany({
    where: { hubId, ...(userId ? { userId } : {}) },
    select: {
      id: true,
      role: true,
      user: { select: { email: true } },
      accountAccess: { where: { apiAccountId }, select: { grants: true, source: true } },
    },
  });
  return rows.map((r) => ({
    membershipId: r.id,
    email: r.user.email,
    role: r.role,
    access: r.accountAccess[0] ?? null,
  }));
}

/** "Sync from SSO" on one API account: every Hub member is matched against its SSOs. */
export async function syncSsoGrantsForAccount({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: SyncSsoInput;
}): Promise<SsoSyncSummary> {
  assertCan(ctx, "dashboard.permissions.manage");
  assertCan(ctx, "ssos.read");
  const data = parseInput(SyncSsoInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const directory = await callMangopay(() => fetchSsoDirectory(client));
  const members = await membersFor(ctx.hub.id, ctx.account.id);
  const changes = planSsoSync(members, directory.ssos, directory.groupGrants);
  const applied = await db.$transaction((tx) =>
    applySyncChanges(tx, ctx, { hubId: ctx.hub.id, apiAccountId: ctx.account.id, changes, trigger: "manual" }),
  );
  return {
    granted: applied.filter((c) => c.kind === "upsert").length,
    revoked: applied.filter((c) => c.kind === "remove").length,
  };
}

export type UserSsoSyncSummary = SsoSyncSummary & { accounts: number; failedAccountIds: string[] };

/**
 * For the sign-in flow: re-reads the SSOs of every API account in the user's Hubs and updates the
 * user's SSO-sourced grants. An unreachable account is skipped (its grants stay) and reported.
 */
export async function syncSsoGrantsForUser(
  userId: string,
  request: RequestMeta | null = null,
): Promise<UserSsoSyncSummary> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      memberships: { select: { hubId: true, hub: { select: { apiAccounts: { select: { id: true } } } } } },
    },
  });
  const summary: UserSsoSyncSummary = { granted: 0, revoked: 0, accounts: 0, failedAccountIds: [] };
  if (!user) return summary;
  for (const membership of user.memberships) {
    for (const account of membership.hub.apiAccounts) {
      summary.accounts += 1;
      try {
        const client = await mangopayClientFor(membership.hubId, account.id);
        const directory = await fetchSsoDirectory(client);
        const members = await membersFor(membership.hubId, account.id, userId);
        const changes = planSsoSync(members, directory.ssos, directory.groupGrants);
        if (changes.length === 0) continue;
        const applied = await db.$transaction((tx) =>
          applySyncChanges(
            tx,
            { actor: { id: userId, email: user.email }, request },
            { hubId: membership.hubId, apiAccountId: account.id, changes, trigger: "sign-in" },
          ),
        );
        summary.granted += applied.filter((c) => c.kind === "upsert").length;
        summary.revoked += applied.filter((c) => c.kind === "remove").length;
      } catch (err) {
        summary.failedAccountIds.push(account.id);
        console.warn("[sso] sign-in sync skipped an API account", {
          accountId: account.id,
          error: err instanceof Error ? err.name : "unknown",
          code:
            typeof err === "object" && err !== null && "code" in err
              ? String((err as { code: unknown }).code)
              : undefined,
          message: err instanceof Error ? err.message.slice(0, 300) : undefined,
        });
      }
    }
  }
  return summary;
}
