import type { Wallet } from "@/lib/mangopay/schemas/wallets";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";

export type WalletDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  ownerIds: string[];
  balance: MoneyDTO;
  currency: string;
  fundsType: string | null;
  description: string | null;
};

export function toWalletDTO(w: Wallet): WalletDTO {
  return {
    id: w.Id,
    tag: w.Tag ?? null,
    createdAt: w.CreationDate.toISOString(),
    ownerIds: w.Owners,
    balance: { amountMinor: w.Balance.Amount, currency: w.Balance.Currency },
    currency: w.Currency,
    fundsType: typeof w.FundsType === "string" ? w.FundsType : null,
    description: w.Description ?? null,
  };
}
