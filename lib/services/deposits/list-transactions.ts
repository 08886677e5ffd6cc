import "server-only";
import { deposits } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toTransactionDTO, type TransactionDTO } from "@/lib/services/transactions/dto";

/** The pay-ins that captured a deposit preauthorization (capture, complement), oldest first. */
export async function listDepositTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { depositId: unknown };
}): Promise<TransactionDTO[]> {
  assertCan(ctx, "transactions.read");
  const depositId = parseMangopayId(input.depositId, "Deposit preauthorization not found");
  return readMangopay(ctx, `deposit-transactions:${depositId}`, async (client) => {
    const page = await deposits.listTransactions(client, depositId, { perPage: 100 });
    return page.items.map(toTransactionDTO);
  });
}
