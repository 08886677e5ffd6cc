import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { toSsoDTO, type SsoDTO } from "./dto";
import { callMangopay } from "@/lib/services/upstream";
import { fetchAllSsos } from "./internal";

export async function listSsos({ ctx }: { ctx: AccountContext }): Promise<SsoDTO[]> {
  assertCan(ctx, "ssos.read");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const ssos = await callMangopay(() => fetchAllSsos(client));
  return ssos.map(toSsoDTO).sort((a, b) => a.email.localeCompare(b.email));
}
