// Recurring pay-in registrations: the card (or PayPal), wallet and amounts of a subscription; CurrentState
// sums the pay-ins made so far (docs/mangopay-api.md §3.5).
import { z } from "zod";
import { EntityBase, Money, OptionalString, openEnum } from "./common";

export const RecurringStatus = openEnum(["CREATED", "AUTHENTICATION_NEEDED", "IN_PROGRESS", "ENDED"]);

export const RecurringPaymentType = openEnum(["CARD_DIRECT", "PAYPAL"]);

export const RecurringRegistration = z.looseObject({
  ...EntityBase,
  Status: RecurringStatus,
  RecurringType: OptionalString,
  AuthorId: z.string(),
  /** null on a PAYPAL registration. */
  CardId: OptionalString,
  PaymentType: RecurringPaymentType.nullish(),
  CreditedUserId: OptionalString,
  CreditedWalletId: z.string(),
  Frequency: OptionalString,
  CycleNumber: z.number().nullish(),
  FirstTransactionDebitedFunds: Money,
  FirstTransactionFees: Money,
  NextTransactionDebitedFunds: Money.nullish(),
  NextTransactionFees: Money.nullish(),
  CurrentState: z
    .looseObject({
      PayinsLinked: z.number(),
      CumulatedDebitedAmount: Money,
      CumulatedFeesAmount: Money,
      LastPayinId: z.union([z.string(), z.number()]).nullish(),
    })
    .nullish(),
});
export type RecurringRegistration = z.output<typeof RecurringRegistration>;
