import { z } from "zod";
import { rangeInOrder, RANGE_ORDER_MESSAGE } from "@/lib/services/mangopay/date-range";
import { DateInput, PageQuery } from "@/lib/services/mangopay/inputs";

import { KYC_DOCUMENT_TYPES } from "@/lib/mangopay/values";

export { KYC_DOCUMENT_TYPES };
export const KYC_DOCUMENT_STATUSES = ["CREATED", "VALIDATION_ASKED", "VALIDATED", "REFUSED", "OUT_OF_DATE"] as const;

export const KycDocumentFilters = z
  .object({
    type: z.enum(KYC_DOCUMENT_TYPES).optional(),
    status: z.enum(KYC_DOCUMENT_STATUSES).optional(),
    from: DateInput,
    to: DateInput,
  })
  .refine(rangeInOrder, { message: RANGE_ORDER_MESSAGE, path: ["to"] });

export const ListKycDocumentsInput = z.object({
  filters: KycDocumentFilters,
  page: PageQuery.shape.page,
  perPage: PageQuery.shape.perPage,
});
export type ListKycDocumentsInput = z.input<typeof ListKycDocumentsInput>;

/** The compliance page's searchParams: unknown values are dropped. */
export const ComplianceQuery = PageQuery.extend({
  type: z.enum(KYC_DOCUMENT_TYPES).optional().catch(undefined),
  status: z.enum(KYC_DOCUMENT_STATUSES).optional().catch(undefined),
  from: DateInput,
  to: DateInput,
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

/** Document types only legal users are asked for: their owners may have UBO declarations. */
export const LEGAL_ONLY_TYPES: readonly string[] = [
  "REGISTRATION_PROOF",
  "ARTICLES_OF_ASSOCIATION",
  "SHAREHOLDER_DECLARATION",
];
