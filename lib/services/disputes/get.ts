import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/account-context";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/services/access/parse-input";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { callMangopay } from "@/lib/services/sso/internal";
import { toDisputeDTO, type DisputeDTO } from "./dto";
import { DisputeIdInput } from "./schemas";

export async function getDispute({ ctx, input }: { ctx: AccountContext; input: DisputeIdInput }): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.read");
  const { disputeId } = parseInput(DisputeIdInput, input);
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return toDisputeDTO(await callMangopay(() => disputes.get(client, disputeId)));
}
