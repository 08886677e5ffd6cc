"use client";

import { useState } from "react";
import type { MoneySummary } from "@/components/confirm-money-dialog";
import { buttonVariants } from "@/components/ui/button";
import { LinkMenu } from "@/components/ui/link-menu";
import { parseAmountToMinor } from "@/lib/money";
import { CURRENCIES } from "@/lib/mangopay/values";
import { MoneyFormDialog, type MoneyField } from "../../_components/money-form-dialog";
import {
  createBankWirePayInAction,
  createCardPayInAction,
  createDirectDebitPayInAction,
  createPayoutAction,
  createTransferAction,
  createWalletAction,
} from "../actions";

type Option = { id: string; label: string };
export type WalletMenuProps = {
  accountId: string;
  isProduction: boolean;
  wallet: { id: string; currency: string; ownerId: string; description: string | null };
  allowed: { createWallet: boolean; payIn: boolean; payout: boolean; transfer: boolean };
  bankAccounts: Option[];
  /** The owner's recipients (payouts v2) a payout from this wallet can pay. */
  recipients: Option[];
  mandates: Option[];
  cards: Option[];
  /** Wallets this account recently transferred to in this currency. */
  recentDestinations: string[];
};

type Dialog = "wallet" | "bankwire" | "directdebit" | "card" | "payout" | "transfer" | null;

const AMOUNT: MoneyField = { kind: "amount", name: "amount", label: "Amount" };
const FEES: MoneyField = { kind: "amount", name: "fees", label: "Fees", optional: true, hint: "Kept by the platform." };

/** Amount and fees typed in the form → minor units for the confirmation, or a message. */
export function moneyOf(values: Record<string, string>, currency: string): { amount: number; fees: number } | string {
  const amount = parseAmountToMinor(values.amount ?? "", currency);
  if (amount === null || amount <= 0) return `Enter an amount in ${currency}, such as 12.50.`;
  const fees = values.fees ? parseAmountToMinor(values.fees, currency) : 0;
  if (fees === null) return `Enter the fees in ${currency}, such as 1.00, or leave them empty.`;
  if (fees > amount) return "Fees cannot exceed the amount.";
  return { amount, fees };
}

const optionsOf = (items: Option[]) => items.map((i) => ({ value: i.id, label: i.label }));

/** The wallet's ellipsis menu and its forms (wallet page, profile's wallets). */
export function WalletMenu(props: WalletMenuProps) {
  const { accountId, isProduction, wallet, allowed } = props;
  const [dialog, setDialog] = useState<Dialog>(null);
  const ccy = wallet.currency;
  const label = wallet.description ? `${wallet.description} (${wallet.id})` : `wallet ${wallet.id}`;
  const common = { accountId, isProduction, onOpenChange: (o: boolean) => (o ? undefined : setDialog(null)) };
  const money =
    (verb: string, source: (v: Record<string, string>) => string, destination: (v: Record<string, string>) => string) =>
    (v: Record<string, string>): MoneySummary | string => {
      const m = moneyOf(v, ccy);
      if (typeof m === "string") return m;
      return {
        verb,
        amountMinor: m.amount,
        feesMinor: m.fees,
        currency: ccy,
        source: source(v),
        destination: destination(v),
      };
    };
  const items: { key: Exclude<Dialog, null>; label: string; show: boolean }[] = [
    { key: "wallet", label: "Create a wallet for this user", show: allowed.createWallet },
    { key: "bankwire", label: "Pay-in by bank wire", show: allowed.payIn },
    { key: "directdebit", label: "Pay-in by direct debit", show: allowed.payIn && props.mandates.length > 0 },
    { key: "card", label: "Pay-in with a registered card", show: allowed.payIn && props.cards.length > 0 },
    {
      key: "payout",
      label: props.recipients.length > 0 ? "Payout to a bank account or recipient" : "Payout to a bank account",
      show: allowed.payout && (props.bankAccounts.length > 0 || props.recipients.length > 0),
    },
    { key: "transfer", label: "Transfer to another wallet", show: allowed.transfer },
  ];
  const shown = items.filter((i) => i.show);
  if (shown.length === 0) return null;
  return (
    <>
      <LinkMenu
        floating
        label={`Actions for ${label}`}
        testId="wallet-menu"
        className={buttonVariants({ variant: "secondary", size: "sm" })}
        trigger="⋯"
        entries={shown.map((i) => ({ kind: "action", key: i.key, label: i.label, onSelect: () => setDialog(i.key) }))}
      />
      <MoneyFormDialog
        {...common}
        open={dialog === "wallet"}
        title="Create a wallet"
        testId="create-wallet-dialog"
        action={createWalletAction}
        hidden={{ userId: wallet.ownerId }}
        defaults={{ currency: ccy }}
        fields={[
          {
            kind: "select",
            name: "currency",
            label: "Currency",
            options: CURRENCIES.map((c) => ({ value: c, label: c })),
          },
          { kind: "text", name: "description", label: "Description", maxLength: 255 },
        ]}
        summarize={(v) =>
          v.description?.trim()
            ? {
                verb: "Create wallet",
                amountMinor: null,
                amountLabel: "no money moves",
                feesMinor: null,
                currency: v.currency ?? ccy,
                source: "—",
                destination: `user ${wallet.ownerId}`,
                details: [{ label: "Description", value: v.description }],
              }
            : "Enter a description."
        }
      />
      <MoneyFormDialog
        {...common}
        open={dialog === "bankwire"}
        title="Pay-in by bank wire"
        description="Declares the wire. The payer then sends the money with the wire reference shown after this step."
        testId="bankwire-dialog"
        action={createBankWirePayInAction}
        hidden={{ walletId: wallet.id }}
        fields={[AMOUNT, FEES]}
        summarize={money(
          "Declare bank wire",
          () => "the payer's bank",
          () => label,
        )}
      />
      <MoneyFormDialog
        {...common}
        open={dialog === "directdebit"}
        title="Pay-in by direct debit"
        testId="directdebit-dialog"
        action={createDirectDebitPayInAction}
        hidden={{ walletId: wallet.id }}
        fields={[
          { kind: "select", name: "mandateId", label: "Mandate", options: optionsOf(props.mandates) },
          AMOUNT,
          FEES,
        ]}
        summarize={money(
          "Debit",
          (v) => `mandate ${v.mandateId ?? ""}`,
          () => label,
        )}
      />
      <MoneyFormDialog
        {...common}
        open={dialog === "card"}
        title="Pay-in with a registered card"
        testId="card-dialog"
        action={createCardPayInAction}
        hidden={{ walletId: wallet.id }}
        fields={[{ kind: "select", name: "cardId", label: "Card", options: optionsOf(props.cards) }, AMOUNT, FEES]}
        summarize={money(
          "Charge card",
          (v) => `card ${v.cardId ?? ""}`,
          () => label,
        )}
      />
      <PayoutDialog {...props} open={dialog === "payout"} onOpenChange={common.onOpenChange} />
      <TransferDialog {...props} open={dialog === "transfer"} onOpenChange={common.onOpenChange} />
    </>
  );
}

/** The payout's destination: exactly one of a bank account and a recipient (a select left on "—" is empty). */
export function payoutDestination(
  values: Record<string, string>,
  bankAccounts: Option[],
  recipients: Option[],
): string | { label: string } {
  const bank = values.bankAccountId ?? "";
  const recipient = values.recipientId ?? "";
  if (bank && recipient) return "Choose a bank account or a recipient, not both.";
  if (recipient) return { label: recipients.find((r) => r.id === recipient)?.label ?? `recipient ${recipient}` };
  if (bank) return { label: bankAccounts.find((b) => b.id === bank)?.label ?? `bank account ${bank}` };
  return "Choose a bank account or a recipient.";
}

/** Payout form, also opened pre-filled by "Repeat" on a payout. With recipients, either destination can be chosen. */
export function PayoutDialog({
  accountId,
  isProduction,
  wallet,
  bankAccounts,
  recipients = [],
  open,
  onOpenChange,
  defaults,
}: Pick<WalletMenuProps, "accountId" | "isProduction" | "wallet" | "bankAccounts"> & {
  recipients?: Option[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  defaults?: Record<string, string>;
}) {
  const ccy = wallet.currency;
  const withRecipients = recipients.length > 0;
  const none = (what: string) => [{ value: "", label: `— none (pay ${what}) —` }];
  const destinations: MoneyField[] = withRecipients
    ? [
        {
          kind: "select",
          name: "bankAccountId",
          label: "Bank account",
          options: [...optionsOf(bankAccounts), ...none("a recipient")],
        },
        {
          kind: "select",
          name: "recipientId",
          label: "Recipient",
          options: [...none("the bank account"), ...optionsOf(recipients)],
          hint: "A recipient registered for payouts (payouts v2) instead of a bank account.",
        },
      ]
    : [{ kind: "select", name: "bankAccountId", label: "Bank account", options: optionsOf(bankAccounts) }];
  return (
    <MoneyFormDialog
      accountId={accountId}
      isProduction={isProduction}
      open={open}
      onOpenChange={onOpenChange}
      title="Payout"
      testId="payout-dialog"
      action={createPayoutAction}
      hidden={{ walletId: wallet.id }}
      defaults={defaults}
      fields={[
        ...destinations,
        AMOUNT,
        FEES,
        {
          kind: "text",
          name: "bankWireRef",
          label: "Bank wire reference",
          optional: true,
          maxLength: 12,
          hint: "On the beneficiary's statement, 12 characters at most.",
        },
        {
          kind: "select",
          name: "mode",
          label: "Mode",
          options: [
            { value: "STANDARD", label: "Standard" },
            { value: "INSTANT_PAYMENT", label: "Instant where offered (else standard)" },
            { value: "INSTANT_PAYMENT_ONLY", label: "Instant only (fails if not offered)" },
          ],
        },
      ]}
      summarize={(v) => {
        const m = moneyOf(v, ccy);
        if (typeof m === "string") return m;
        const to = payoutDestination(v, bankAccounts, recipients);
        if (typeof to === "string") return to;
        return {
          verb: "Pay out",
          amountMinor: m.amount,
          feesMinor: m.fees,
          currency: ccy,
          source: `wallet ${wallet.id}`,
          destination: to.label,
          details: [
            { label: "Reference", value: v.bankWireRef || "—" },
            { label: "Mode", value: v.mode ?? "STANDARD" },
          ],
        };
      }}
    />
  );
}

/** Transfer form, also opened pre-filled by "Repeat" on a transfer. */
export function TransferDialog({
  accountId,
  isProduction,
  wallet,
  recentDestinations = [],
  open,
  onOpenChange,
  defaults,
}: Pick<WalletMenuProps, "accountId" | "isProduction" | "wallet"> & {
  recentDestinations?: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  defaults?: Record<string, string>;
}) {
  const ccy = wallet.currency;
  return (
    <MoneyFormDialog
      accountId={accountId}
      isProduction={isProduction}
      open={open}
      onOpenChange={onOpenChange}
      title="Transfer"
      testId="transfer-dialog"
      action={createTransferAction}
      hidden={{ walletId: wallet.id }}
      defaults={defaults}
      fields={[
        {
          kind: "text",
          name: "creditedWalletId",
          label: "Credited wallet Id",
          maxLength: 128,
          hint: `Any user's ${ccy} wallet of this account: type its Id, pick one recently paid, or find it with the search box above.`,
          suggestions: recentDestinations.filter((id) => id !== wallet.id),
        },
        AMOUNT,
        FEES,
      ]}
      summarize={(v) => {
        const m = moneyOf(v, ccy);
        if (typeof m === "string") return m;
        if (!v.creditedWalletId?.trim()) return "Enter the Id of the wallet to credit.";
        return {
          verb: "Transfer",
          amountMinor: m.amount,
          feesMinor: m.fees,
          currency: ccy,
          source: `wallet ${wallet.id}`,
          destination: `wallet ${v.creditedWalletId.trim()}`,
        };
      }}
    />
  );
}
