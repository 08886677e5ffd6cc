import "server-only";
import { virtualAccounts } from "@/lib/mangopay";
import { accountIdentifier } from "@/lib/mangopay/schemas/virtual-accounts";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

export type VirtualAccountDetailDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  walletId: string;
  creditedUserId: string | null;
  purpose: string;
  country: string | null;
  status: string;
  active: boolean;
  owner: string | null;
  /** IBAN, or "sort code account number" for a UK local account. */
  identifier: string | null;
  bic: string | null;
  resultMessage: string | null;
};

type Details = { Account?: { Bic?: unknown; BIC?: unknown } | null } | null | undefined;
const bicOf = (d: Details): string | null => {
  const v = d?.Account?.Bic ?? d?.Account?.BIC;
  return typeof v === "string" && v !== "" ? v : null;
};

/** One virtual account, read through its wallet (MANGOPAY's only path); the wallets' permission. */
export async function getVirtualAccount({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { walletId: unknown; virtualAccountId: unknown };
}): Promise<VirtualAccountDetailDTO> {
  assertCan(ctx, "wallets.read");
  const walletId = parseMangopayId(input.walletId, "Wallet not found");
  const virtualAccountId = parseMangopayId(input.virtualAccountId, "Virtual account not found");
  return readMangopay(ctx, `virtual-account:${walletId}:${virtualAccountId}`, async (client) => {
    const va = await virtualAccounts.get(client, walletId, virtualAccountId);
    const local = (va.LocalAccountDetails ?? va.LocalAccountsDetails) as Details;
    const intl = (
      Array.isArray(va.InternationalAccountDetails) ? va.InternationalAccountDetails[0] : va.InternationalAccountDetails
    ) as Details;
    return {
      id: va.Id,
      tag: va.Tag ?? null,
      createdAt: va.CreationDate.toISOString(),
      walletId: va.WalletId,
      creditedUserId: va.CreditedUserId ?? null,
      purpose: va.VirtualAccountPurpose,
      country: va.Country ?? null,
      status: va.Status,
      active: va.Active,
      owner: va.AccountOwner ?? null,
      identifier: accountIdentifier(va),
      bic: bicOf(local) ?? bicOf(intl),
      resultMessage: va.ResultMessage ?? null,
    };
  });
}
