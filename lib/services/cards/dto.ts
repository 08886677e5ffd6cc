import type { Card } from "@/lib/mangopay/schemas/cards";

export type CardDTO = {
  id: string;
  createdAt: string;
  userId: string;
  alias: string | null;
  /** MMYY as MANGOPAY sends it, shown as MM/YY. */
  expiry: string | null;
  provider: string | null;
  cardType: string | null;
  currency: string;
  validity: string;
  active: boolean;
  holderName: string | null;
};

export function toCardDTO(c: Card): CardDTO {
  const e = c.ExpirationDate ?? null;
  return {
    id: c.Id,
    createdAt: c.CreationDate.toISOString(),
    userId: c.UserId,
    alias: c.Alias ?? null,
    expiry: e && /^\d{4}$/.test(e) ? `${e.slice(0, 2)}/${e.slice(2)}` : e,
    provider: c.CardProvider ?? null,
    cardType: c.CardType ?? null,
    currency: c.Currency,
    validity: c.Validity,
    active: c.Active,
    holderName: c.CardHolderName ?? null,
  };
}
