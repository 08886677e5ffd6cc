import { z } from "zod";
import { AmountText, MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";

export const PAYOUT_MODES = ["STANDARD", "INSTANT_PAYMENT", "INSTANT_PAYMENT_ONLY"] as const;

/** A select left on "—" sends an empty string: no id. */
const OptionalId = z.preprocess((v) => (v === "" ? undefined : v), MangopayId.optional());

/** To one of the owner's bank accounts or, payouts v2, to one of their recipients: exactly one of the two. */
export const CreatePayoutInput = MoneyActionBase.extend({
  walletId: MangopayId,
  bankAccountId: OptionalId,
  recipientId: OptionalId,
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
}).superRefine((v, ctx) => {
  if (v.bankAccountId === undefined && v.recipientId === undefined)
    ctx.addIssue({ code: "custom", path: ["bankAccountId"], message: "Choose a bank account or a recipient." });
  if (v.bankAccountId !== undefined && v.recipientId !== undefined)
    ctx.addIssue({
      code: "custom",
      path: ["recipientId"],
      message: "Choose a bank account or a recipient, not both.",
    });
});
export type CreatePayoutInput = z.input<typeof CreatePayoutInput>;
