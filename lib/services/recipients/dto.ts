import "server-only";
import type { Recipient } from "@/lib/mangopay/schemas/recipients";
import { recipientBankDetails, recipientHolder } from "@/lib/mangopay/schemas/recipients";

const PAYOUT_METHOD_LABELS: Record<string, string> = {
  LocalBankTransfer: "Local bank transfer",
  InternationalBankTransfer: "International bank transfer",
};

const BANK_DETAIL_LABELS: Record<string, string> = {
  SortCode: "Sort code",
  AccountNumber: "Account number",
  ABA: "Routing number (ABA)",
  AccountType: "Account type",
  BranchCode: "Branch code",
  InstitutionNumber: "Institution number",
  BankName: "Bank name",
};

export type RecipientDTO = {
  id: string;
  userId: string;
  displayName: string | null;
  /** The person's or company's name the money goes to. */
  holder: string | null;
  status: string;
  payoutMethod: string;
  payoutMethodLabel: string;
  recipientType: string;
  currency: string;
  country: string | null;
  scope: string | null;
  /** The bank details MANGOPAY returns, by field name (IBAN, BIC, SortCode…), in its order. */
  bankDetails: { name: string; label: string; value: string }[];
  address: string[] | null;
  tag: string | null;
  createdAt: string;
};

export function toRecipientDTO(r: Recipient): RecipientDTO {
  const address = r.IndividualRecipient?.Address ?? r.BusinessRecipient?.Address ?? null;
  const lines = address
    ? [
        address.AddressLine1,
        address.AddressLine2,
        [address.PostalCode, address.City].filter(Boolean).join(" "),
        address.Region,
        address.Country,
      ].filter((l): l is string => typeof l === "string" && l !== "")
    : [];
  return {
    id: r.Id,
    userId: r.UserId,
    displayName: r.DisplayName ?? null,
    holder: recipientHolder(r),
    status: r.Status,
    payoutMethod: r.PayoutMethodType,
    payoutMethodLabel: PAYOUT_METHOD_LABELS[r.PayoutMethodType] ?? r.PayoutMethodType,
    recipientType: r.RecipientType,
    currency: r.Currency,
    country: r.Country ?? null,
    scope: r.RecipientScope ?? null,
    bankDetails: recipientBankDetails(r).map(([name, value]) => ({
      name,
      label: BANK_DETAIL_LABELS[name] ?? name,
      value,
    })),
    address: lines.length > 0 ? lines : null,
    tag: r.Tag ?? null,
    createdAt: r.CreationDate.toISOString(),
  };
}

/** The recipients a payout from a `currency` wallet can pay (ACTIVE, payout scope, same currency), as form options. */
export function payableRecipientOptions(items: RecipientDTO[], currency: string): { id: string; label: string }[] {
  return items
    .filter((r) => r.status === "ACTIVE" && r.scope !== "PAYIN" && r.currency === currency)
    .map((r) => ({
      id: r.id,
      label: `${r.displayName ?? r.holder ?? "Recipient"} · ${r.payoutMethodLabel} (${r.id})`,
    }));
}
