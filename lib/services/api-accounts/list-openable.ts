import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import type { ApiAccountDTO } from "./dto";

export type OpenableApiAccount = Pick<ApiAccountDTO, "id" | "name" | "environment">;

/**
 * The API accounts of the caller's Hub whose dashboard the caller may open (the dashboard's account
 * switcher), production first, then by name: those with an access row for the caller's membership,
 * whatever their Hub role (managing accounts does not open their dashboards). One statement.
 */
export async function listOpenableApiAccounts({ ctx }: { ctx: HubContext }): Promise<OpenableApiAccount[]> {
  return db.apiAccount.findMany({
    where: { hubId: ctx.hub.id, access: { some: { membershipId: ctx.membership.id } } },
    orderBy: [{ environment: "desc" }, { name: "asc" }],
    select: { id: true, name: true, environment: true },
  });
}
