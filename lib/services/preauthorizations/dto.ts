import type { PreAuthorization } from "@/lib/mangopay/schemas/cards";
import { iso, toMoneyDTO, type MoneyDTO } from "@/lib/services/mangopay/inputs";

export type PreauthorizationDTO = {
  id: string;
  createdAt: string;
  authorId: string;
  cardId: string | null;
  status: string;
  paymentStatus: string;
  debited: MoneyDTO;
  remaining: MoneyDTO | null;
  expiresAt: string | null;
  payInId: string | null;
  resultMessage: string | null;
};

export function toPreauthorizationDTO(p: PreAuthorization): PreauthorizationDTO {
  return {
    id: p.Id,
    createdAt: p.CreationDate.toISOString(),
    authorId: p.AuthorId,
    cardId: p.CardId ?? null,
    status: p.Status,
    paymentStatus: p.PaymentStatus,
    debited: { amountMinor: p.DebitedFunds.Amount, currency: p.DebitedFunds.Currency },
    remaining: toMoneyDTO(p.RemainingFunds),
    expiresAt: iso(p.ExpirationDate),
    payInId: p.PayInId ?? null,
    resultMessage: p.ResultMessage ?? null,
  };
}
