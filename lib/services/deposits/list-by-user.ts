import "server-only";
import { deposits } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toDepositDTO, type DepositDTO } from "./dto";

/** A user's deposit preauthorizations (`GET /users/{id}/deposit-preauthorizations`), newest first. */
export async function listUserDeposits({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<DepositDTO>> {
  assertCan(ctx, "preauthorizations.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(ctx, "deposits", userId, q, (client, o) => deposits.listByUser(client, userId, o), toDepositDTO);
}
