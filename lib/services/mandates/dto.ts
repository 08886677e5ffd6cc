import type { Mandate } from "@/lib/mangopay/schemas/mandates";

export type MandateDTO = {
  id: string;
  createdAt: string;
  userId: string;
  bankAccountId: string;
  status: string;
  scheme: string | null;
  bankReference: string | null;
  resultMessage: string | null;
};

export function toMandateDTO(m: Mandate): MandateDTO {
  return {
    id: m.Id,
    createdAt: m.CreationDate.toISOString(),
    userId: m.UserId,
    bankAccountId: m.BankAccountId,
    status: m.Status,
    scheme: m.Scheme ?? null,
    bankReference: m.BankReference ?? null,
    resultMessage: m.ResultMessage ?? null,
  };
}
