import "server-only";
import { disputeDocuments } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toDisputeDocumentDTO, type DisputeDocumentDTO } from "./dto";
import { DisputeIdInput } from "./schemas";

/** The documents sent for one dispute, oldest first (the order they tell the story in). */
export async function listDisputeDocuments({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DisputeIdInput;
}): Promise<DisputeDocumentDTO[]> {
  assertCan(ctx, "disputes.read");
  const { disputeId } = parseInput(DisputeIdInput, input);
  const page = await readMangopay(ctx, `dispute-documents:${disputeId}`, (client) =>
    disputeDocuments.listByDispute(client, disputeId, {
      perPage: 100,
      sort: { field: "CreationDate", direction: "ASC" },
    }),
  );
  return page.items.map(toDisputeDocumentDTO);
}
