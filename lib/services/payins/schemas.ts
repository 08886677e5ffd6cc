import { z } from "zod";
import { AmountText, MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";

const PayInBase = MoneyActionBase.extend({ walletId: MangopayId, amount: AmountText, fees: OptionalAmountText });

export const CreateBankWirePayInInput = PayInBase;
export type CreateBankWirePayInInput = z.input<typeof CreateBankWirePayInInput>;

export const CreateDirectDebitPayInInput = PayInBase.extend({ mandateId: MangopayId });
export type CreateDirectDebitPayInInput = z.input<typeof CreateDirectDebitPayInInput>;

export const CreateCardPayInInput = PayInBase.extend({ cardId: MangopayId });
export type CreateCardPayInInput = z.input<typeof CreateCardPayInInput>;
