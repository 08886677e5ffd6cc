"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatMoney, minorDigits } from "@/lib/money";
import { MoneyFormDialog } from "../../../_components/money-form-dialog";
import { moneyOf, PayoutDialog, TransferDialog } from "../../../wallets/_components/wallet-menu";
import { createRefundAction } from "../../actions";

type Tx = {
  id: string;
  kind: string;
  currency: string;
  amountMinor: number;
  feesMinor: number;
  debitedWalletId: string | null;
  creditedWalletId: string | null;
  authorId: string | null;
  bankAccountId: string | null;
  recipientId: string | null;
  bankWireRef: string | null;
};

const major = (minor: number, currency: string) => (minor / 10 ** minorDigits(currency)).toFixed(minorDigits(currency));

/** Refund and Repeat buttons of a transaction, each opening its form and confirmation. */
export function TransactionMoneyActions({
  accountId,
  isProduction,
  tx,
  refund,
  repeat,
  bankAccounts,
  recipients,
}: {
  accountId: string;
  isProduction: boolean;
  tx: Tx;
  refund: { kind: "PAYIN" | "TRANSFER"; leftMinor: number } | null;
  repeat: boolean;
  bankAccounts: { id: string; label: string }[];
  recipients: { id: string; label: string }[];
}) {
  const [open, setOpen] = useState<"refund" | "repeat" | null>(null);
  const close = (o: boolean) => (o ? undefined : setOpen(null));
  const wallet = { id: tx.debitedWalletId ?? "", currency: tx.currency, ownerId: tx.authorId ?? "", description: null };
  const repeatDefaults = {
    amount: major(tx.amountMinor, tx.currency),
    fees: tx.feesMinor ? major(tx.feesMinor, tx.currency) : "",
    bankAccountId: tx.bankAccountId ?? "",
    recipientId: tx.recipientId ?? "",
    bankWireRef: tx.bankWireRef ?? "",
    creditedWalletId: tx.creditedWalletId ?? "",
  };
  return (
    <>
      {refund ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("refund")} data-testid="refund-button">
          Refund
        </Button>
      ) : null}
      {repeat ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("repeat")} data-testid="repeat-button">
          Repeat
        </Button>
      ) : null}
      {refund ? (
        <MoneyFormDialog
          open={open === "refund"}
          onOpenChange={close}
          title={refund.kind === "PAYIN" ? "Refund the pay-in" : "Refund the transfer"}
          description={`Still refundable: ${formatMoney(refund.leftMinor, tx.currency)}. Leave the amount empty to refund all of it.`}
          testId="refund-dialog"
          accountId={accountId}
          isProduction={isProduction}
          action={createRefundAction}
          hidden={{ transactionId: tx.id, kind: refund.kind }}
          fields={[
            { kind: "amount", name: "amount", label: "Amount", optional: true },
            { kind: "text", name: "reason", label: "Reason (kept in the audit)", maxLength: 500 },
          ]}
          summarize={(v) => {
            if (!v.reason?.trim() || v.reason.trim().length < 3) return "Say why (kept in the audit).";
            const m = v.amount ? moneyOf(v, tx.currency) : { amount: refund.leftMinor, fees: 0 };
            if (typeof m === "string") return m;
            if (m.amount > refund.leftMinor)
              return `At most ${formatMoney(refund.leftMinor, tx.currency)} is left to refund.`;
            return {
              verb: "Refund",
              amountMinor: m.amount,
              feesMinor: null,
              currency: tx.currency,
              source: `${refund.kind === "PAYIN" ? "pay-in" : "transfer"} ${tx.id}`,
              destination:
                refund.kind === "PAYIN"
                  ? `the payer (user ${tx.authorId ?? "?"})`
                  : `wallet ${tx.debitedWalletId ?? "?"}`,
              details: [{ label: "Reason", value: v.reason.trim() }],
            };
          }}
        />
      ) : null}
      {repeat && tx.kind === "PAYOUT" ? (
        <PayoutDialog
          accountId={accountId}
          isProduction={isProduction}
          wallet={wallet}
          bankAccounts={bankAccounts}
          recipients={recipients}
          open={open === "repeat"}
          onOpenChange={close}
          defaults={repeatDefaults}
        />
      ) : null}
      {repeat && tx.kind === "TRANSFER" ? (
        <TransferDialog
          accountId={accountId}
          isProduction={isProduction}
          wallet={wallet}
          open={open === "repeat"}
          onOpenChange={close}
          defaults={repeatDefaults}
        />
      ) : null}
    </>
  );
}
