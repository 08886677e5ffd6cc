import "server-only";
import { transactions } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { toPageDTO, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toTransactionDTO, type TransactionDTO } from "./dto";
import { TransactionListQuery, transactionFilters, transactionQueryKey } from "./schemas";

const LISTERS = { user: transactions.listByUser, wallet: transactions.listByWallet } as const;

/** One page of a user's or a wallet's transactions (both take the same documented filters). */
export function listTransactionsOf(ctx: AccountContext, owner: keyof typeof LISTERS, ownerId: string, query: unknown): Promise<PageDTO<TransactionDTO>> {
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
