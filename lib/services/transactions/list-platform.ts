import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { PageDTO } from "@/lib/services/mangopay/inputs";
import type { TransactionDTO } from "./dto";
import { listTransactionsOf } from "./internal";

/**
 * The platform's own transactions (everything touching its FEES and CREDIT client wallets: fees,
 * repudiations, settlements, client payouts), newest first, with the documented filters. MANGOPAY
 * has no list of every user's transactions: those are listed per user or per wallet.
 */
export async function listPlatformTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { query?: unknown };
}): Promise<PageDTO<TransactionDTO>> {
  assertCan(ctx, "transactions.read");
  return listTransactionsOf(ctx, "platform", "", input.query);
}
