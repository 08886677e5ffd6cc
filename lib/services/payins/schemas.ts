import { z } from "zod";
import { AccountIdField, Checkbox } from "@/lib/services/mangopay/write-inputs";
import { AmountText, MangopayId, MoneyActionBase, OptionalAmountText } from "@/lib/services/operations/inputs";
import {
  CARRIER_CODE,
  OTHER_CARRIER,
  TRACKING_NUMBER,
  TRACKING_NUMBER_MAX,
} from "@/lib/services/payins/paypal-tracking-rules";

const PayInBase = MoneyActionBase.extend({ walletId: MangopayId, amount: AmountText, fees: OptionalAmountText });

export const CreateBankWirePayInInput = PayInBase;
export type CreateBankWirePayInInput = z.input<typeof CreateBankWirePayInInput>;

export const CreateDirectDebitPayInInput = PayInBase.extend({ mandateId: MangopayId });
export type CreateDirectDebitPayInInput = z.input<typeof CreateDirectDebitPayInInput>;

export const CreateCardPayInInput = PayInBase.extend({ cardId: MangopayId });
export type CreateCardPayInInput = z.input<typeof CreateCardPayInInput>;

/**
 * Tracking information for a PayPal pay-in, as the dialog posts it: the carrier picked from the shortlist, or
 * OTHER_CARRIER with PayPal's code typed in `carrierOther`. The output has the input's shape, so the action's
 * parsed value parses again unchanged in the service (`carrierCodeOf` reads the effective code).
 */
export const AddPayPalTrackingInput = z
  .object({
    accountId: AccountIdField,
    payInId: MangopayId,
    trackingNumber: z
      .string()
      .trim()
      .min(1, "Enter the tracking number")
      .max(TRACKING_NUMBER_MAX, `At most ${TRACKING_NUMBER_MAX} characters`)
      .regex(TRACKING_NUMBER, "Letters, digits and - _ . / only (no spaces)"),
    carrier: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "Pick the carrier")
      .max(64)
      .refine((v) => v === OTHER_CARRIER || CARRIER_CODE.test(v), "Pick the carrier"),
    carrierOther: z.string().trim().toUpperCase().max(64, "At most 64 characters").optional(),
    notifyBuyer: Checkbox,
  })
  .superRefine((v, issue) => {
    if (v.carrier === OTHER_CARRIER && !CARRIER_CODE.test(v.carrierOther ?? ""))
      issue.addIssue({
        code: "custom",
        path: ["carrierOther"],
        message: "Type PayPal's carrier code: capital letters, digits and _ (e.g. FR_COLISSIMO)",
      });
  });
export type AddPayPalTrackingInput = z.input<typeof AddPayPalTrackingInput>;

/** The carrier code to send: the picked one, or the typed one for "Other". */
export function carrierCodeOf(data: z.output<typeof AddPayPalTrackingInput>): string {
  return data.carrier === OTHER_CARRIER ? (data.carrierOther ?? "") : data.carrier;
}
