import { z } from "zod";
import { DISPUTE_DOCUMENT_TYPES } from "@/lib/mangopay/schemas/disputes";
import { parseAmountToMinor } from "@/lib/money";
import { PageBase64 } from "@/lib/services/mangopay/document-page";
import { AccountIdField, UpstreamIdField } from "@/lib/services/mangopay/write-inputs";

export { DISPUTE_DOCUMENT_TYPES };

const ids = { accountId: AccountIdField, disputeId: UpstreamIdField };

/**
 * The contested amount as typed ("12.50"). Its shape is checked here, so a malformed or non-positive
 * amount costs no MANGOPAY call; the service parses it again in the dispute's own currency and caps it
 * at the disputed funds.
 */
export const ContestDisputeInput = z.object({
  ...ids,
  amount: z
    .string()
    .trim()
    .min(1, "Enter the amount to contest")
    .max(32, "Enter the amount to contest")
    .refine((v) => (parseAmountToMinor(v, "EUR") ?? 0) > 0, "Enter a positive amount, e.g. 12.50"),
});
export type ContestDisputeInput = z.input<typeof ContestDisputeInput>;

export const DisputeActionInput = z.object(ids);
export type DisputeActionInput = z.input<typeof DisputeActionInput>;

export const CreateDisputeDocumentInput = z.object({
  ...ids,
  type: z.enum(DISPUTE_DOCUMENT_TYPES, "Pick the document type"),
});
export type CreateDisputeDocumentInput = z.input<typeof CreateDisputeDocumentInput>;

export const AddDisputePageInput = z.object({ ...ids, documentId: UpstreamIdField, file: PageBase64 });
export type AddDisputePageInput = z.input<typeof AddDisputePageInput>;

export const SubmitDisputeDocumentInput = z.object({ ...ids, documentId: UpstreamIdField });
export type SubmitDisputeDocumentInput = z.input<typeof SubmitDisputeDocumentInput>;
