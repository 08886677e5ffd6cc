import "server-only";
import type { HubContext } from "@/lib/server/context";
import { db } from "@/lib/server/db";

export type ApiAccountDTO = {
  id: string;
  name: string;
  environment: "SANDBOX" | "PRODUCTION";
  clientId: string;
  baseUrl: string;
  apiKeyLast4: string;
  createdAt: Date;
};

/** API accounts of the caller's Hub that the caller may open (all of them for Hub account managers). */
export async function listApiAccounts({ ctx }: { ctx: HubContext }): Promise<ApiAccountDTO[]> {
  const managesAll = ctx.permissions.has("hub.accounts.manage");
  return db.apiAccount.findMany({
    where: {
      hubId: ctx.hub.id,
      ...(managesAll ? {} : { access: { some: { membershipId: ctx.membership.id } } }),
    },
    orderBy: [{ environment: "desc" }, { name: "asc" }],
    select: { id: true, name: true, environment: true, clientId: true, baseUrl: true, apiKeyLast4: true, createdAt: true },
  });
}
