import "server-only";
import { wallets } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toWalletDTO, type WalletDTO } from "./dto";

/** A user's wallets with their balances (an SCA-scoped read: sent as USER_NOT_PRESENT). */
export async function listUserWallets({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<WalletDTO>> {
  assertCan(ctx, "wallets.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(ctx, "wallets", userId, q, (client, o) => wallets.listByUser(client, userId, o), toWalletDTO);
}
