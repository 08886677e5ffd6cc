import type { AccountContext } from "@/lib/server/context-types";
import { IMPLEMENTED_TRANSACTION_ACTIONS, transactionActionsFor } from "@/lib/services/transactions/actions";
import type { TransactionDetailDTO } from "@/lib/services/transactions/dto";
import { ReceiptLink } from "../../../_components/receipt-link";

/**
 * The place for a transaction's actions (refund, proof, repeat): only the ones this member will be
 * allowed AND that exist are shown, never dead buttons.
 */
export function TransactionActions({ ctx, tx }: { ctx: AccountContext; tx: TransactionDetailDTO }) {
  const actions = transactionActionsFor(ctx, tx, null).filter((a) => IMPLEMENTED_TRANSACTION_ACTIONS.includes(a));
  if (actions.length === 0) return null;
  return (
    <div className="flex gap-2" data-testid="transaction-actions" data-actions={actions.join(" ")}>
      {actions.includes("proof") ? (
        <ReceiptLink accountId={ctx.account.id} transactionId={tx.id} kind={tx.kind} />
      ) : null}
    </div>
  );
}
