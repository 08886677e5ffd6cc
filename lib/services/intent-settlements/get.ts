import "server-only";
import { payInIntents } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toIntentSettlementDTO, type IntentSettlementDTO } from "./dto";

/** One settlement of pay-in intents (V3.0); read with the pay-ins' permission, as the intents it settles. */
export async function getIntentSettlement({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { settlementId: unknown };
}): Promise<IntentSettlementDTO> {
  assertCan(ctx, "payins.read");
  const settlementId = parseMangopayId(input.settlementId, "Settlement not found");
  return readMangopay(ctx, `intent-settlement:${settlementId}`, async (client) =>
    toIntentSettlementDTO(await payInIntents.getSettlement(client, settlementId)),
  );
}
