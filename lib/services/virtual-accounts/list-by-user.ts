import "server-only";
import { virtualAccounts, wallets } from "@/lib/mangopay";
import { accountIdentifier } from "@/lib/mangopay/schemas/virtual-accounts";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

export type VirtualAccountDTO = {
  id: string;
  walletId: string;
  walletCurrency: string;
  purpose: string;
  country: string | null;
  status: string;
  active: boolean;
  owner: string | null;
  /** IBAN, or "sort code account number" for a UK local account. */
  identifier: string | null;
  createdAt: string;
};

const MAX_WALLETS = 20;

/**
 * The virtual accounts attached to a user's wallets (MANGOPAY lists them per wallet). Read with the
 * wallets' permission: they are the wallets' bank details. Wallets beyond the first 20 are not scanned.
 */
export async function listUserVirtualAccounts({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown };
}): Promise<VirtualAccountDTO[]> {
  assertCan(ctx, "wallets.read");
  const userId = parseMangopayId(input.userId, "User not found");
  return readMangopay(ctx, `user-virtual-accounts:${userId}`, async (client) => {
    const page = await wallets.listByUser(client, userId, { perPage: MAX_WALLETS });
    const perWallet = await Promise.all(
      page.items.map(async (w) => {
        const accounts = await virtualAccounts.listByWallet(client, w.Id, { perPage: 100 });
        return accounts.items.map((va): VirtualAccountDTO => ({
          id: va.Id,
          walletId: w.Id,
          walletCurrency: w.Currency,
          purpose: va.VirtualAccountPurpose,
          country: va.Country ?? null,
          status: va.Status,
          active: va.Active,
          owner: va.AccountOwner ?? null,
          identifier: accountIdentifier(va),
          createdAt: va.CreationDate.toISOString(),
        }));
      }),
    );
    return perWallet.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}
