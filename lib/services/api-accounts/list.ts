import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import type { ApiAccountDTO } from "./dto";
import { API_ACCOUNT_SELECT } from "./internal";

export type { ApiAccountDTO } from "./dto";
export type ApiAccountListItem = ApiAccountDTO & { canOpenDashboard: boolean; eventRetentionDays: number };

/** API accounts of the caller's Hub that the caller may open (all of them for Hub account managers). */
export async function listApiAccounts({ ctx }: { ctx: HubContext }): Promise<ApiAccountListItem[]> {
  const managesAll = ctx.permissions.has("hub.accounts.manage");
  const rows = await db.apiAccount.findMany({
    where: {
      hubId: ctx.hub.id,
      ...(managesAll ? {} : { access: { some: { membershipId: ctx.membership.id } } }),
    },
    orderBy: [{ environment: "desc" }, { name: "asc" }],
    select: {
      ...API_ACCOUNT_SELECT,
      eventRetentionDays: true,
      access: { where: { membershipId: ctx.membership.id }, select: { id: true } },
    },
  });
  return rows.map(({ access, ...a }) => ({ ...a, canOpenDashboard: access.length > 0 }));
}
