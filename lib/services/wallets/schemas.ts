import { z } from "zod";
import { Currency, MangopayId, MoneyActionBase } from "@/lib/services/operations/inputs";

export const CreateWalletInput = MoneyActionBase.extend({
  userId: MangopayId,
  currency: Currency,
  description: z.string().trim().min(1, "Enter a description.").max(255),
});
export type CreateWalletInput = z.input<typeof CreateWalletInput>;
