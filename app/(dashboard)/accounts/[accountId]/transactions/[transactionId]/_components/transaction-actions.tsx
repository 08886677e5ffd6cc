import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { payableRecipientOptions } from "@/lib/services/recipients/dto";
import { listUserRecipients } from "@/lib/services/recipients/list-by-user";
import { IMPLEMENTED_TRANSACTION_ACTIONS, transactionActionsFor } from "@/lib/services/transactions/actions";
import type { TransactionDetailDTO } from "@/lib/services/transactions/dto";
import { listTransactionRefunds, refundableAmount } from "@/lib/services/transactions/list-refunds";
import { settle } from "@/lib/services/upstream";
import { ReceiptLink } from "../../../_components/receipt-link";
import { TransactionMoneyActions } from "./transaction-money-actions";

/**
 * A transaction's actions for this member: its PDF proof, refund (what is left after earlier refunds) and repeat of a
 * payout or transfer (the same form, pre-filled, with its own confirmation). Nothing renders when the
 * member may use none of them — never a dead button. Used by the transaction and event detail pages.
 */
export async function TransactionActions({ ctx, tx }: { ctx: AccountContext; tx: TransactionDetailDTO }) {
  const refundKind = tx.kind === "PAYIN" || tx.kind === "TRANSFER" ? tx.kind : null;
  const refunds =
    refundKind && tx.status === "SUCCEEDED" && can(ctx, "refunds.create")
      ? await settle(listTransactionRefunds({ ctx, input: { transactionId: tx.id, kind: refundKind } }))
      : null;
  const left = refunds?.ok ? refundableAmount(tx, refunds.data) : null;
  const actions = transactionActionsFor(ctx, tx, left).filter((a) => IMPLEMENTED_TRANSACTION_ACTIONS.includes(a));
  const canRefund = actions.includes("refund") && refundKind !== null && left !== null && left.amountMinor > 0;
  // Repeat is built for payouts and transfers; a card pay-in's repeat waits for the card form to take defaults.
  // A client payout (the platform as author, `POST /clients/payouts`) has no form here: no repeat.
  const repeat =
    actions.includes("repeat") &&
    (tx.kind === "PAYOUT" || tx.kind === "TRANSFER") &&
    !!tx.debitedWalletId &&
    tx.authorId !== ctx.account.clientId;
  const ownerId = tx.authorId;
  const readMeans = repeat && tx.kind === "PAYOUT" && ownerId && can(ctx, "bankAccounts.read");
  const [banks, recipients] = readMeans
    ? await Promise.all([
        settle(listUserBankAccounts({ ctx, input: { userId: ownerId, query: { perPage: 100 } } })),
        settle(listUserRecipients({ ctx, input: { userId: ownerId, query: { perPage: 100 } } })),
      ])
    : [null, null];
  const proof = actions.includes("proof");
  if (!canRefund && !repeat && !proof) return null;
  return (
    <div className="flex gap-2" data-testid="transaction-actions" data-actions={actions.join(" ")}>
      {proof ? <ReceiptLink accountId={ctx.account.id} transactionId={tx.id} kind={tx.kind} /> : null}
      <TransactionMoneyActions
        accountId={ctx.account.id}
        isProduction={ctx.account.environment === "PRODUCTION"}
        tx={{
          id: tx.id,
          kind: tx.kind,
          currency: tx.debited.currency,
          amountMinor: tx.debited.amountMinor,
          feesMinor: tx.fees?.amountMinor ?? 0,
          debitedWalletId: tx.debitedWalletId,
          creditedWalletId: tx.creditedWalletId,
          authorId: ownerId,
          bankAccountId: tx.payOut?.bankAccountId ?? null,
          recipientId: tx.payOut?.recipientId ?? null,
          bankWireRef: tx.payOut?.bankWireRef ?? null,
        }}
        refund={canRefund && refundKind && left ? { kind: refundKind, leftMinor: left.amountMinor } : null}
        repeat={repeat}
        bankAccounts={
          banks?.ok
            ? banks.data.items
                .filter((b) => b.active)
                .map((b) => ({ id: b.id, label: `${b.ownerName} · ${b.maskedNumber ?? b.type} (${b.id})` }))
            : []
        }
        recipients={recipients?.ok ? payableRecipientOptions(recipients.data.items, tx.debited.currency) : []}
      />
    </div>
  );
}
