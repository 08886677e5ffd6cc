import "server-only";
import { cards } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toCardDTO, type CardDTO } from "./dto";

/** One registered card (alias, expiry, validity); another client's or a missing id → NotFound. */
export async function getCard({ ctx, input }: { ctx: AccountContext; input: { cardId: unknown } }): Promise<CardDTO> {
  assertCan(ctx, "cards.read");
  const cardId = parseMangopayId(input.cardId, "Card not found");
  return readMangopay(ctx, `card:${cardId}`, async (client) => toCardDTO(await cards.get(client, cardId)));
}
