import type { AccountContext } from "@/lib/server/context-types";
import { getTransaction } from "@/lib/services/transactions/get";
import type { TransactionKind } from "@/lib/services/transactions/schemas";
import { settle } from "@/lib/services/upstream";
import { TransactionActions } from "../../../transactions/[transactionId]/_components/transaction-actions";

/** The transaction an event is about, with the same actions as its detail page (refund, repeat). */
export async function EventTransactionActions({
  ctx,
  transactionId,
  kind,
}: {
  ctx: AccountContext;
  transactionId: string;
  kind: TransactionKind;
}) {
  if (kind !== "PAYIN" && kind !== "TRANSFER" && kind !== "PAYOUT") return null;
  const tx = await settle(getTransaction({ ctx, input: { transactionId, kind } }));
  if (!tx.ok) return null;
  return <TransactionActions ctx={ctx} tx={tx.data} />;
}
