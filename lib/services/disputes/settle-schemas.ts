import { z } from "zod";
import { AmountText, MangopayId, MoneyActionBase } from "@/lib/services/operations/inputs";

export const SettleDisputeInput = MoneyActionBase.extend({
  disputeId: MangopayId,
  /** TRANSFER: from the user's wallet that received the disputed pay-in; BANK_WIRE: the platform wires the money in. */
  method: z.enum(["TRANSFER", "BANK_WIRE"]),
  amount: AmountText,
});
export type SettleDisputeInput = z.input<typeof SettleDisputeInput>;
