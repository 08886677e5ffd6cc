"use client";

import { useState } from "react";
import { useDisplayTimeZone } from "@/components/time-zone";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { formatMoney, minorDigits } from "@/lib/money";
import { MoneyFormDialog } from "../../../../_components/money-form-dialog";
import { moneyOf } from "../../../../wallets/_components/wallet-menu";
import { settleDisputeAction } from "../actions";

/**
 * Settle a lost dispute: credit the repudiation wallet by a settlement transfer from the user's
 * wallet, or by a bank wire from the platform (its wire reference is shown after the step). Rendered
 * only while the dispute is lost with money left to settle and for members who may settle.
 */
export function SettleDispute({
  accountId,
  isProduction,
  disputeId,
  owed,
  deadline,
}: {
  accountId: string;
  isProduction: boolean;
  disputeId: string;
  owed: { amountMinor: number; currency: string };
  deadline: string | null;
}) {
  const [open, setOpen] = useState(false);
  const zone = useDisplayTimeZone();
  const ccy = owed.currency;
  const owedText = formatMoney(owed.amountMinor, ccy);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} data-testid="settle-dispute-button">
        Settle {owedText}
      </Button>
      <MoneyFormDialog
        open={open}
        onOpenChange={setOpen}
        title="Settle the lost dispute"
        description={`Left to settle: ${owedText}${deadline ? ` (deadline ${formatDateTime(new Date(deadline), zone)}${zone === "UTC" ? " UTC" : ""})` : ""}.`}
        testId="settle-dialog"
        accountId={accountId}
        isProduction={isProduction}
        action={settleDisputeAction}
        hidden={{ disputeId }}
        defaults={{ amount: (owed.amountMinor / 10 ** minorDigits(ccy)).toFixed(minorDigits(ccy)) }}
        fields={[
          {
            kind: "select",
            name: "method",
            label: "How",
            options: [
              { value: "TRANSFER", label: "Settlement transfer from the user's wallet" },
              { value: "BANK_WIRE", label: "Bank wire from the platform to the repudiation wallet" },
            ],
          },
          { kind: "amount", name: "amount", label: "Amount" },
        ]}
        summarize={(v) => {
          const m = moneyOf(v, ccy);
          if (typeof m === "string") return m;
          if (m.amount > owed.amountMinor) return `At most ${owedText} is left to settle.`;
          return {
            verb: v.method === "BANK_WIRE" ? "Declare settlement wire" : "Settle by transfer",
            amountMinor: m.amount,
            feesMinor: null,
            currency: ccy,
            source: v.method === "BANK_WIRE" ? "the platform's bank" : "the wallet credited by the disputed pay-in",
            destination: `repudiation wallet CREDIT_${ccy}`,
            details: [{ label: "Dispute", value: disputeId }],
          };
        }}
      />
    </>
  );
}
