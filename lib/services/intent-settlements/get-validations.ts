import "server-only";
import { payInIntents } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toSettlementValidationsDTO, type SettlementValidationsDTO } from "./dto";

/** The errors MANGOPAY found in a settlement's last file (footer rows, lines); empty lists when it had none. */
export async function getSettlementValidations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { settlementId: unknown };
}): Promise<SettlementValidationsDTO> {
  assertCan(ctx, "payins.read");
  const settlementId = parseMangopayId(input.settlementId, "Settlement not found");
  return readMangopay(ctx, `intent-settlement-validations:${settlementId}`, async (client) =>
    toSettlementValidationsDTO(await payInIntents.getSettlementValidations(client, settlementId)),
  );
}
