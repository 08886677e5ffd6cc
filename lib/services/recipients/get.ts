import "server-only";
import { recipients } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toRecipientDTO, type RecipientDTO } from "./dto";

/** One recipient (payouts v2); read with the bank accounts' permission: it is a user's payout destination. */
export async function getRecipient({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { recipientId: unknown };
}): Promise<RecipientDTO> {
  assertCan(ctx, "bankAccounts.read");
  const recipientId = parseMangopayId(input.recipientId, "Recipient not found");
  return readMangopay(ctx, `recipient:${recipientId}`, async (client) =>
    toRecipientDTO(await recipients.get(client, recipientId)),
  );
}
