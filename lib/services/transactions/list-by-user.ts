import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import type { TransactionDTO } from "./dto";
import { listTransactionsOf } from "./internal";

/** A user's transactions (all their wallets), newest first, with the documented filters. */
export async function listUserTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<TransactionDTO>> {
  assertCan(ctx, "transactions.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return listTransactionsOf(ctx, "user", userId, input.query);
}
