import { z } from "zod";
import { PageBase64 } from "@/lib/services/mangopay/document-page";
import { AccountIdField, UpstreamIdField } from "@/lib/services/mangopay/write-inputs";
import { KYC_DOCUMENT_TYPES } from "./schemas";

export const CreateKycDocumentInput = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  type: z.enum(KYC_DOCUMENT_TYPES, "Pick the document type"),
});
export type CreateKycDocumentInput = z.input<typeof CreateKycDocumentInput>;

export const AddKycPageInput = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  documentId: UpstreamIdField,
  file: PageBase64,
});
export type AddKycPageInput = z.input<typeof AddKycPageInput>;

export const SubmitKycDocumentInput = z.object({
  accountId: AccountIdField,
  userId: UpstreamIdField,
  documentId: UpstreamIdField,
});
export type SubmitKycDocumentInput = z.input<typeof SubmitKycDocumentInput>;
