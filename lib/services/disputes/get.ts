import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toDisputeDTO, type DisputeDTO } from "./dto";
import { DisputeIdInput } from "./schemas";

export async function getDispute({ ctx, input }: { ctx: AccountContext; input: DisputeIdInput }): Promise<DisputeDTO> {
  assertCan(ctx, "disputes.read");
  const { disputeId } = parseInput(DisputeIdInput, input);
  return toDisputeDTO(await readMangopay(ctx, `dispute:${disputeId}`, (client) => disputes.get(client, disputeId)));
}
