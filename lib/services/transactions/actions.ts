// Which actions a member will be offered on a transaction: refund (pay-ins and transfers), repeat
// (card pay-ins, payouts, transfers) and the proof of payment. Only the implemented ones render, so no
// member ever sees a button that does not work. Pure.
import { can, type PermissionHolder } from "@/lib/server/permissions";

export type TransactionAction = "refund" | "proof" | "repeat";

export function transactionActionsFor(
  holder: PermissionHolder,
  tx: { kind: string; status: string; nature: string; payIn: { paymentType: string } | null },
  refundable: { amountMinor: number } | null,
): TransactionAction[] {
  const out: TransactionAction[] = [];
  const succeeded = tx.status === "SUCCEEDED";
  if (
    succeeded &&
    (tx.kind === "PAYIN" || tx.kind === "TRANSFER") &&
    (refundable === null || refundable.amountMinor > 0) &&
    can(holder, "refunds.create")
  )
    out.push("refund");
  // A receipt exists for a pay-in, payout, transfer (REGULAR) and a refund (lib/services/receipts), not a conversion.
  const hasReceipt = tx.kind !== "CONVERSION" && (tx.nature === "REGULAR" || tx.kind === "REFUND");
  if (succeeded && hasReceipt && can(holder, "transactions.read")) out.push("proof");
  if (
    (tx.kind === "PAYIN" && tx.payIn?.paymentType === "CARD" && can(holder, "payins.create")) ||
    (tx.kind === "PAYOUT" && can(holder, "payouts.create")) ||
    (tx.kind === "TRANSFER" && tx.nature === "REGULAR" && can(holder, "transfers.create"))
  )
    out.push("repeat");
  return out;
}

/** The actions built so far: refund, repeat (payouts and transfers, see TransactionActions) and the PDF proof. */
export const IMPLEMENTED_TRANSACTION_ACTIONS: readonly TransactionAction[] = ["refund", "repeat", "proof"];
