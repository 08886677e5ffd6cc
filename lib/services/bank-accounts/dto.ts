import type { BankAccount } from "@/lib/mangopay/schemas/bank-accounts";

export type BankAccountDTO = {
  id: string;
  createdAt: string;
  userId: string;
  type: string;
  ownerName: string;
  active: boolean;
  maskedNumber: string | null;
  bic: string | null;
  country: string | null;
};

/** Keeps the country/check digits and the last 4 characters: enough to recognise an account, not to use it. */
export function maskAccountNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, "");
  if (compact.length <= 4) return "•".repeat(compact.length);
  const head = /^[A-Z]{2}\d{2}/.test(compact) ? compact.slice(0, 4) : "";
  return `${head}${"•".repeat(Math.max(4, compact.length - head.length - 4))}${compact.slice(-4)}`;
}

export function toBankAccountDTO(b: BankAccount): BankAccountDTO {
  return {
    id: b.Id,
    createdAt: b.CreationDate.toISOString(),
    userId: b.UserId,
    type: b.Type,
    ownerName: b.OwnerName,
    active: b.Active,
    maskedNumber: maskAccountNumber(b.IBAN ?? b.AccountNumber),
    bic: b.BIC ?? null,
    country: b.Country ?? b.OwnerAddress?.Country ?? null,
  };
}
