import { z } from "zod";
import { AmountText, MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";

export const PAYOUT_MODES = ["STANDARD", "INSTANT_PAYMENT", "INSTANT_PAYMENT_ONLY"] as const;

export const CreatePayoutInput = MoneyActionBase.extend({
  walletId: MangopayId,
  bankAccountId: MangopayId,
  amount: AmountText,
  fees: OptionalAmountText,
  // MANGOPAY: at most 12 characters, shown on the beneficiary's statement.
  bankWireRef: z
    .string()
    .trim()
    .max(12, "At most 12 characters.")
    .regex(/^[A-Za-z0-9 ]*$/, "Letters, digits and spaces only.")
    .optional(),
  mode: z.enum(PAYOUT_MODES).default("STANDARD"),
});
export type CreatePayoutInput = z.input<typeof CreatePayoutInput>;
