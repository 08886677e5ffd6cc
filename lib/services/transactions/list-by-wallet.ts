import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import type { TransactionDTO } from "./dto";
import { listTransactionsOf } from "./internal";

/** A wallet's transactions, newest first, with the documented filters. */
export async function listWalletTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { walletId: unknown; query?: unknown };
}): Promise<PageDTO<TransactionDTO>> {
  assertCan(ctx, "transactions.read");
  const walletId = parseMangopayId(input.walletId, "Wallet not found");
  return listTransactionsOf(ctx, "wallet", walletId, input.query);
}
