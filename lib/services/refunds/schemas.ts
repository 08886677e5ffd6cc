import { z } from "zod";
import { MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";

export const CreateRefundInput = MoneyActionBase.extend({
  transactionId: MangopayId,
  kind: z.enum(["PAYIN", "TRANSFER"]),
  /** Empty: everything still refundable. */
  amount: OptionalAmountText,
  reason: z.string().trim().min(3, "Say why (kept in the audit).").max(500),
});
export type CreateRefundInput = z.input<typeof CreateRefundInput>;
