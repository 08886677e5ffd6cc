import "server-only";
import { clientWallets } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

/** Fees collected so far, one FEES client wallet per currency (largest first by currency code). */
export async function listFeesWallets({ ctx }: { ctx: AccountContext }): Promise<MoneyDTO[]> {
  assertCan(ctx, "clientWallets.read");
  return readMangopay(ctx, "fees-wallets", async (client) => {
    const list = await clientWallets.listByFundsType(client, "FEES");
    return list
      .map((w) => ({ amountMinor: w.Balance.Amount, currency: w.Balance.Currency }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
  });
}
