// Which actions a member will be offered on a transaction. The actions themselves (refund, proof of
// payment, repeat) arrive with the dashboard's write side; until then their place renders nothing,
// so no member ever sees a button that does not work. Pure.
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
  // A receipt exists for a pay-in, payout, transfer (REGULAR) and a refund (lib/services/receipts).
  if (succeeded && (tx.nature === "REGULAR" || tx.kind === "REFUND") && can(holder, "transactions.read"))
    out.push("proof");
  if (tx.kind === "PAYIN" && tx.payIn?.paymentType === "CARD" && can(holder, "payins.create")) out.push("repeat");
  return out;
}

/** The write side registers here the actions it implements. */
export const IMPLEMENTED_TRANSACTION_ACTIONS: readonly TransactionAction[] = ["proof"];
