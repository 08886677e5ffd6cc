import type { UboDeclaration } from "@/lib/mangopay/schemas/kyc";
import { iso } from "@/lib/services/mangopay/inputs";

export type UboDeclarationDTO = {
  id: string;
  createdAt: string;
  processedAt: string | null;
  userId: string;
  status: string;
  reason: string | null;
  message: string | null;
  ubos: { id: string; name: string; nationality: string | null; active: boolean }[];
};

export function toUboDeclarationDTO(d: UboDeclaration): UboDeclarationDTO {
  return {
    id: d.Id,
    createdAt: d.CreationDate.toISOString(),
    processedAt: iso(d.ProcessedDate),
    userId: d.UserId,
    status: d.Status,
    reason: d.Reason ?? null,
    message: d.Message ?? null,
    ubos: (d.Ubos ?? []).map((u) => ({
      id: u.Id,
      name: `${u.FirstName} ${u.LastName}`.trim(),
      nationality: u.Nationality ?? null,
      active: u.IsActive ?? true,
    })),
  };
}
