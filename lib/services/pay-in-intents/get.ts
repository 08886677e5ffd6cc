import "server-only";
import { payInIntents } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toPayInIntentDTO, type PayInIntentDTO } from "./dto";

/** One pay-in intent (V3.0) with its line items, captures, refunds, disputes and splits; a pay-in, so payins.read. */
export async function getPayInIntent({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { intentId: unknown };
}): Promise<PayInIntentDTO> {
  assertCan(ctx, "payins.read");
  const intentId = parseMangopayId(input.intentId, "Pay-in intent not found");
  return readMangopay(ctx, `pay-in-intent:${intentId}`, async (client) =>
    toPayInIntentDTO(await payInIntents.get(client, intentId)),
  );
}
