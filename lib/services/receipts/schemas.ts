import { z } from "zod";
import { MangopayId } from "@/lib/services/mangopay/inputs";

/** Receipts exist for the transactions an operator moves money with (not repudiations or settlements). */
export const RECEIPT_KINDS = ["PAYIN", "PAYOUT", "TRANSFER", "REFUND"] as const;

export function isReceiptKind(kind: string): kind is (typeof RECEIPT_KINDS)[number] {
  return (RECEIPT_KINDS as readonly string[]).includes(kind);
}

export const ReceiptInput = z.object({
  transactionId: MangopayId,
  kind: z.enum(RECEIPT_KINDS).optional().catch(undefined),
});
// The kind comes from the query string as any text; an unknown one is dropped, not refused.
export type ReceiptInput = { transactionId: string; kind?: string };
