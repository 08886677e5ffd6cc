// Pay-in intents (V3.0, `/V3.0/{ClientId}/payins/intents…`): a payment the platform processed with its own provider,
// declared to MANGOPAY with its line items (one seller each) so its funds can be split to the sellers' wallets once
// the provider's settlement file is matched. Amounts in minor units of `Currency`; ids `int_…`, `itm_…`, `split_…`.
import { z } from "zod";
import { NullableUnixDate, OptionalString, Tag, UnixDate, openEnum } from "./common";

export const PayInIntentStatus = openEnum([
  "AUTHORIZED",
  "PARTIALLY_CAPTURED",
  "CAPTURED",
  "CANCELLED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "REFUND_REVERSED",
  "DISPUTED",
]);
export const IntentSplitStatus = openEnum([
  "CREATED",
  "PENDING_FUNDS_RECEPTION",
  "AVAILABLE",
  "PENDING",
  "REJECTED",
  "REVERSED",
]);
export const SettlementStatus = openEnum([
  "PENDING_UPLOAD",
  "UPLOADED",
  "FAILED",
  "CREATED",
  "UNMATCHED",
  "PARTIALLY_MATCHED",
  "PENDING_FUNDS_RECEPTION",
  "RECONCILED",
  "CANCELLED",
]);

const Amount = z.number().int();
const OptionalAmount = z.number().int().nullish();

export const IntentExternalData = z.looseObject({
  ExternalProcessingDate: NullableUnixDate,
  ExternalProviderReference: OptionalString,
  ExternalMerchantReference: OptionalString,
  ExternalProviderName: OptionalString,
  ExternalProviderPaymentMethod: OptionalString,
});

export const IntentLineItem = z.looseObject({
  Id: z.string(),
  Seller: z
    .looseObject({
      AuthorId: OptionalString,
      WalletId: OptionalString,
      FeesAmount: OptionalAmount,
      TransferDate: NullableUnixDate,
    })
    .nullish(),
  Sku: OptionalString,
  Name: OptionalString,
  Description: OptionalString,
  Quantity: z.number().int().nullish(),
  UnitAmount: OptionalAmount,
  TaxAmount: OptionalAmount,
  DiscountAmount: OptionalAmount,
  Category: OptionalString,
  TotalLineItemAmount: OptionalAmount,
  CapturedAmount: OptionalAmount,
  CanceledAmount: OptionalAmount,
  RefundedAmount: OptionalAmount,
  DisputedAmount: OptionalAmount,
  SplitAmount: OptionalAmount,
});
export type IntentLineItem = z.output<typeof IntentLineItem>;

/** A capture, refund, dispute or split as the intent lists it: an amount per line item. */
export const IntentStep = z.looseObject({
  Id: z.string(),
  CreationDate: NullableUnixDate,
  ExecutionDate: NullableUnixDate,
  Amount: OptionalAmount,
  Status: OptionalString,
  LineItems: z.array(z.looseObject({ Id: z.string(), Amount: OptionalAmount })).nullish(),
});
export type IntentStep = z.output<typeof IntentStep>;

export const PayInIntent = z.looseObject({
  Id: z.string(),
  Tag,
  CreationDate: UnixDate,
  Amount,
  Currency: z.string(),
  AvailableAmountToSplit: OptionalAmount,
  PlatformFeesAmount: OptionalAmount,
  UnfundedAmount: OptionalAmount,
  Status: PayInIntentStatus,
  NextActions: z.array(z.string()).nullish(),
  ExternalData: IntentExternalData.nullish(),
  Buyer: z.looseObject({ Id: OptionalString }).nullish(),
  LineItems: z.array(IntentLineItem),
  Captures: z.array(IntentStep).nullish(),
  Refunds: z.array(IntentStep).nullish(),
  Disputes: z.array(IntentStep).nullish(),
  Splits: z.array(IntentStep).nullish(),
  SettlementId: OptionalString,
  Decision: OptionalString,
});
export type PayInIntent = z.output<typeof PayInIntent>;

/** One split (`GET …/intents/{id}/splits/{splitId}`): part of a line item's captured funds for its seller's wallet. */
export const IntentSplit = z.looseObject({
  Id: z.string(),
  Tag,
  CreationDate: NullableUnixDate,
  LineItemId: OptionalString,
  SellerId: OptionalString,
  WalletId: OptionalString,
  SplitAmount: Amount,
  FeesAmount: OptionalAmount,
  TransferDate: NullableUnixDate,
  Description: OptionalString,
  Status: IntentSplitStatus,
  SplitOriginWalletId: OptionalString,
});
export type IntentSplit = z.output<typeof IntentSplit>;

/** A settlement: the provider's settlement file and what MANGOPAY made of it. Its id field is `SettlementId`. */
export const IntentSettlement = z.looseObject({
  SettlementId: z.string(),
  Status: SettlementStatus,
  SettlementDate: NullableUnixDate,
  ExternalProviderName: OptionalString,
  DeclaredIntentAmount: OptionalAmount,
  ExternalProcessorFeesAmount: OptionalAmount,
  ActualSettlementAmount: OptionalAmount,
  FundsMissingAmount: OptionalAmount,
  FileName: OptionalString,
  UploadUrl: OptionalString,
  CreationDate: NullableUnixDate,
});
export type IntentSettlement = z.output<typeof IntentSettlement>;

export const SettlementValidations = z.looseObject({
  FooterErrors: z
    .array(z.looseObject({ FooterName: OptionalString, Code: OptionalString, Description: OptionalString }))
    .nullish(),
  LinesErrors: z
    .array(
      z.looseObject({
        ExternalProviderReference: OptionalString,
        ExternalTransactionType: OptionalString,
        Code: OptionalString,
        Description: OptionalString,
      }),
    )
    .nullish(),
});
export type SettlementValidations = z.output<typeof SettlementValidations>;
