import { z } from "zod";
import { DayString, PageInput } from "@/lib/services/transactions/schemas";

export const KYC_DOCUMENT_TYPES = ["IDENTITY_PROOF", "REGISTRATION_PROOF", "ARTICLES_OF_ASSOCIATION", "SHAREHOLDER_DECLARATION", "ADDRESS_PROOF"] as const;
export const KYC_DOCUMENT_STATUSES = ["CREATED", "VALIDATION_ASKED", "VALIDATED", "REFUSED", "OUT_OF_DATE"] as const;

export const KycDocumentFilters = z
  .object({
    type: z.enum(KYC_DOCUMENT_TYPES).optional(),
    status: z.enum(KYC_DOCUMENT_STATUSES).optional(),
    from: DayString.optional(),
    to: DayString.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });

export const ListKycDocumentsInput = z.object({
  filters: KycDocumentFilters,
  userId: z.string().trim().min(1).max(128).optional(),
  page: PageInput.shape.page,
  perPage: PageInput.shape.perPage,
});
export type ListKycDocumentsInput = z.input<typeof ListKycDocumentsInput>;
