import "server-only";
import { cards } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toCardDTO, type CardDTO } from "./dto";

/** A user's registered cards (alias, expiry, validity, active). */
export async function listUserCards({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<CardDTO>> {
  assertCan(ctx, "cards.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(ctx, "cards", userId, q, (client, o) => cards.listByUser(client, userId, o), toCardDTO);
}
