import "server-only";
import { wallets } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toWalletDTO, type WalletDTO } from "./dto";

/** One wallet and its balance; another client's or a missing id → NotFound. */
export async function getWallet({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { walletId: unknown };
}): Promise<WalletDTO> {
  assertCan(ctx, "wallets.read");
  const walletId = parseMangopayId(input.walletId, "Wallet not found");
  return readMangopay(ctx, `wallet:${walletId}`, async (client) => toWalletDTO(await wallets.get(client, walletId)));
}
