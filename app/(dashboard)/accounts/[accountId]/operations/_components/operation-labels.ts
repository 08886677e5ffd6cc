// Words for operation kinds and states, shared by the log, the detail page and the toasts. Pure.
export const KIND_LABELS: Record<string, string> = {
  WALLET: "Wallet created",
  PAYIN_BANK_WIRE: "Bank-wire pay-in",
  PAYIN_DIRECT_DEBIT: "Direct-debit pay-in",
  PAYIN_CARD: "Card pay-in",
  PAYOUT: "Payout",
  TRANSFER: "Transfer",
  REFUND_PAYIN: "Pay-in refund",
  REFUND_TRANSFER: "Transfer refund",
  SETTLEMENT_TRANSFER: "Dispute settlement (transfer)",
  SETTLEMENT_BANK_WIRE: "Dispute settlement (bank wire)",
};

export const kindLabel = (kind: string | null, action: string) => (kind ? (KIND_LABELS[kind] ?? kind) : action);
