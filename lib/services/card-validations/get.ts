import "server-only";
import { deposits } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

/** A zero-amount check of a card: whether the issuer accepted it (Validity) and why not. */
export type CardValidationDTO = {
  id: string;
  tag: string | null;
  createdAt: string;
  cardId: string;
  authorId: string | null;
  status: string;
  validity: string;
  type: string | null;
  resultCode: string | null;
  resultMessage: string | null;
  secureModeNeeded: boolean | null;
};

/** One card validation, read through its card (MANGOPAY has no other path); needs cards.read. */
export async function getCardValidation({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { cardId: unknown; validationId: unknown };
}): Promise<CardValidationDTO> {
  assertCan(ctx, "cards.read");
  const cardId = parseMangopayId(input.cardId, "Card not found");
  const validationId = parseMangopayId(input.validationId, "Card validation not found");
  return readMangopay(ctx, `card-validation:${cardId}:${validationId}`, async (client) => {
    const v = await deposits.getCardValidation(client, cardId, validationId);
    return {
      id: v.Id,
      tag: v.Tag ?? null,
      createdAt: v.CreationDate.toISOString(),
      cardId: v.CardId ?? cardId,
      authorId: v.AuthorId ?? null,
      status: v.Status,
      validity: v.Validity,
      type: v.Type ?? null,
      resultCode: v.ResultCode ?? null,
      resultMessage: v.ResultMessage ?? null,
      secureModeNeeded: v.SecureModeNeeded ?? null,
    };
  });
}
