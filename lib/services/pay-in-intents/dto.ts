import type { IntentLineItem, IntentStep, PayInIntent } from "@/lib/mangopay/schemas/pay-in-intents";
import { iso } from "@/lib/services/mangopay/inputs";

/** One line item: what was sold, by which seller (and wallet), and how much of it was captured, refunded, split. */
export type IntentLineDTO = {
  id: string;
  sku: string | null;
  name: string | null;
  description: string | null;
  quantity: number | null;
  unitAmountMinor: number | null;
  totalMinor: number | null;
  sellerId: string | null;
  walletId: string | null;
  sellerFeesMinor: number | null;
  capturedMinor: number;
  canceledMinor: number;
  refundedMinor: number;
  disputedMinor: number;
  splitMinor: number;
};

/** A capture, refund, dispute or split of the intent: an amount spread over line items. */
export type IntentStepDTO = {
  id: string;
  createdAt: string | null;
  executedAt: string | null;
  amountMinor: number | null;
  status: string | null;
  lines: { lineItemId: string; amountMinor: number | null }[];
};

/** A pay-in intent (V3.0): a payment processed by the platform's own provider, declared to MANGOPAY to be split. */
export type PayInIntentDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  status: string;
  amountMinor: number;
  currency: string;
  platformFeesMinor: number | null;
  availableToSplitMinor: number | null;
  unfundedMinor: number | null;
  nextActions: string[];
  external: {
    processedAt: string | null;
    providerName: string | null;
    providerReference: string | null;
    merchantReference: string | null;
    paymentMethod: string | null;
  };
  buyerId: string | null;
  lineItems: IntentLineDTO[];
  captures: IntentStepDTO[];
  refunds: IntentStepDTO[];
  disputes: IntentStepDTO[];
  splits: IntentStepDTO[];
  settlementId: string | null;
  decision: string | null;
};

const orZero = (n: number | null | undefined) => n ?? 0;

function toLine(l: IntentLineItem): IntentLineDTO {
  return {
    id: l.Id,
    sku: l.Sku ?? null,
    name: l.Name ?? null,
    description: l.Description ?? null,
    quantity: l.Quantity ?? null,
    unitAmountMinor: l.UnitAmount ?? null,
    totalMinor: l.TotalLineItemAmount ?? null,
    sellerId: l.Seller?.AuthorId ?? null,
    walletId: l.Seller?.WalletId ?? null,
    sellerFeesMinor: l.Seller?.FeesAmount ?? null,
    capturedMinor: orZero(l.CapturedAmount),
    canceledMinor: orZero(l.CanceledAmount),
    refundedMinor: orZero(l.RefundedAmount),
    disputedMinor: orZero(l.DisputedAmount),
    splitMinor: orZero(l.SplitAmount),
  };
}

function toStep(s: IntentStep): IntentStepDTO {
  return {
    id: s.Id,
    createdAt: iso(s.CreationDate),
    executedAt: iso(s.ExecutionDate),
    amountMinor: s.Amount ?? null,
    status: s.Status ?? null,
    lines: (s.LineItems ?? []).map((l) => ({ lineItemId: l.Id, amountMinor: l.Amount ?? null })),
  };
}

export function toPayInIntentDTO(i: PayInIntent): PayInIntentDTO {
  return {
    id: i.Id,
    tag: i.Tag ?? null,
    createdAt: i.CreationDate.toISOString(),
    status: i.Status,
    amountMinor: i.Amount,
    currency: i.Currency,
    platformFeesMinor: i.PlatformFeesAmount ?? null,
    availableToSplitMinor: i.AvailableAmountToSplit ?? null,
    unfundedMinor: i.UnfundedAmount ?? null,
    nextActions: i.NextActions ?? [],
    external: {
      processedAt: iso(i.ExternalData?.ExternalProcessingDate),
      providerName: i.ExternalData?.ExternalProviderName ?? null,
      providerReference: i.ExternalData?.ExternalProviderReference ?? null,
      merchantReference: i.ExternalData?.ExternalMerchantReference ?? null,
      paymentMethod: i.ExternalData?.ExternalProviderPaymentMethod ?? null,
    },
    buyerId: i.Buyer?.Id ?? null,
    lineItems: i.LineItems.map(toLine),
    captures: (i.Captures ?? []).map(toStep),
    refunds: (i.Refunds ?? []).map(toStep),
    disputes: (i.Disputes ?? []).map(toStep),
    splits: (i.Splits ?? []).map(toStep),
    settlementId: i.SettlementId ?? null,
    decision: i.Decision ?? null,
  };
}
