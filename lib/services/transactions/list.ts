import "server-only";
import { transactions, type MangopayClient, type Page } from "@/lib/mangopay";
import type { Transaction } from "@/lib/mangopay/schemas/transactions";
import type { AccountContext } from "@/lib/server/account-context";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/services/access/parse-input";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toTransactionRowDTO, type TransactionRowDTO } from "./dto";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { ListTransactionsInput, type TransactionScope } from "./schemas";

export type TransactionPageDTO = {
  items: TransactionRowDTO[];
  page: number;
  perPage: number;
  totalItems: number | null;
  totalPages: number | null;
};

function fetchPage(client: MangopayClient, scope: TransactionScope, options: transactions.TransactionListOptions): Promise<Page<Transaction>> {
  if (scope.kind === "user") return transactions.listByUser(client, scope.userId, options);
  if (scope.kind === "wallet") return transactions.listByWallet(client, scope.walletId, options);
  return transactions.listByClient(client, options);
}

/**
 * One page of transactions, newest first: the platform's own (client wallets), one user's or one
 * wallet's. Filters are MANGOPAY's (Status, Type, Nature, AfterDate/BeforeDate); the rows are the
 * list's common fields only, the detail page fetches the full object.
 */
export async function listTransactions({ ctx, input }: { ctx: AccountContext; input: ListTransactionsInput }): Promise<TransactionPageDTO> {
  assertCan(ctx, "transactions.read");
  const { scope, filters, page, perPage } = parseInput(ListTransactionsInput, input);
  const key = `transactions:${JSON.stringify({ scope, filters, page, perPage })}`;
  const result = await readMangopay(ctx, key, (client) =>
    fetchPage(client, scope, {
      page,
      perPage,
      sort: { field: "CreationDate", direction: "DESC" },
      filters: { Status: filters.status, Type: filters.type, Nature: filters.nature, ...dayRangeToQuery(filters) },
    }),
  );
  return { ...result, items: result.items.map(toTransactionRowDTO) };
}
