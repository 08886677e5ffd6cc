import "server-only";
import { transactions } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { toTransactionDTO, type TransactionDTO } from "@/lib/services/transactions/dto";
import { DisputeIdInput } from "./schemas";

/** The money a dispute moved: its repudiation, settlement transfers and refunds of a won case. */
export async function listDisputeTransactions({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DisputeIdInput;
}): Promise<TransactionDTO[]> {
  assertCan(ctx, "disputes.read");
  const { disputeId } = parseInput(DisputeIdInput, input);
  const page = await readMangopay(ctx, `dispute-transactions:${disputeId}`, (client) =>
    transactions.listByDispute(client, disputeId, { perPage: 100, sort: { field: "CreationDate", direction: "ASC" } }),
  );
  return page.items.map(toTransactionDTO);
}

export type SettlementState =
  | { state: "not-applicable" }
  | { state: "settled"; settled: MoneyDTO }
  | { state: "to-settle"; owed: MoneyDTO; settled: MoneyDTO };

/** A lost dispute is settled once settlement transfers (not failed) cover its repudiation. */
export function settlementState(
  dispute: { status: string; resultCode: string | null; repudiationId: string | null },
  rows: readonly TransactionDTO[],
): SettlementState {
  const repudiation =
    rows.find((r) => r.nature === "REPUDIATION" && r.id === dispute.repudiationId) ??
    rows.find((r) => r.nature === "REPUDIATION");
  if (dispute.status !== "CLOSED" || dispute.resultCode !== "LOST" || !repudiation) return { state: "not-applicable" };
  const currency = repudiation.debited.currency;
  const settledMinor = rows
    .filter((r) => r.nature === "SETTLEMENT" && r.status !== "FAILED" && r.debited.currency === currency)
    .reduce((sum, r) => sum + r.debited.amountMinor, 0);
  const settled = { currency, amountMinor: settledMinor };
  if (settledMinor >= repudiation.debited.amountMinor) return { state: "settled", settled };
  return {
    state: "to-settle",
    owed: { currency, amountMinor: repudiation.debited.amountMinor - settledMinor },
    settled,
  };
}
