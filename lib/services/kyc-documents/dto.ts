import type { KycDocument } from "@/lib/mangopay/schemas/kyc";
import { iso } from "@/lib/services/mangopay/inputs";

export type KycDocumentDTO = {
  id: string;
  createdAt: string;
  processedAt: string | null;
  userId: string;
  type: string;
  status: string;
  refusedReasonType: string | null;
  refusedReasonMessage: string | null;
};

export function toKycDocumentDTO(d: KycDocument): KycDocumentDTO {
  return {
    id: d.Id,
    createdAt: d.CreationDate.toISOString(),
    processedAt: iso(d.ProcessedDate),
    userId: d.UserId,
    type: d.Type,
    status: d.Status,
    refusedReasonType: d.RefusedReasonType ?? null,
    refusedReasonMessage: d.RefusedReasonMessage ?? null,
  };
}
