import "server-only";
import { transactions, type MangopayClient } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { toPageDTO, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toTransactionDTO, type TransactionDTO } from "./dto";
import { TransactionListQuery, transactionFilters, transactionQueryKey } from "./schemas";

const LISTERS = {
  user: transactions.listByUser,
  wallet: transactions.listByWallet,
  // The platform's own (client wallets): no owner id in the path.
  platform: (client: MangopayClient, _ownerId: string, options: transactions.TransactionListOptions) =>
    transactions.listByClient(client, options),
} as const;

/** One page of the platform's, a user's or a wallet's transactions (all take the same documented filters). */
export function listTransactionsOf(
  ctx: AccountContext,
  owner: keyof typeof LISTERS,
  ownerId: string,
  query: unknown,
): Promise<PageDTO<TransactionDTO>> {
  const q = TransactionListQuery.parse(query ?? {});
  return readMangopay(ctx, `${owner}-transactions:${ownerId}:${transactionQueryKey(q)}`, async (client) =>
    toPageDTO(
      await LISTERS[owner](client, ownerId, {
        page: q.page,
        perPage: q.perPage,
        sort: { field: "CreationDate", direction: q.sort === "asc" ? "ASC" : "DESC" },
        filters: transactionFilters(q),
      }),
      toTransactionDTO,
    ),
  );
}
