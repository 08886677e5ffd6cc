import "server-only";
import { deposits } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toDepositDTO, type DepositDTO } from "./dto";

/** One deposit preauthorization; read with the preauthorizations' permission (it is a card hold too). */
export async function getDeposit({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { depositId: unknown };
}): Promise<DepositDTO> {
  assertCan(ctx, "preauthorizations.read");
  const depositId = parseMangopayId(input.depositId, "Deposit preauthorization not found");
  return readMangopay(ctx, `deposit:${depositId}`, async (client) =>
    toDepositDTO(await deposits.get(client, depositId)),
  );
}
