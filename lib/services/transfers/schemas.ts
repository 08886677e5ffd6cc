import { z } from "zod";
import { AmountText, MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";

export const CreateTransferInput = MoneyActionBase.extend({
  walletId: MangopayId,
  creditedWalletId: MangopayId,
  amount: AmountText,
  fees: OptionalAmountText,
});
export type CreateTransferInput = z.input<typeof CreateTransferInput>;
