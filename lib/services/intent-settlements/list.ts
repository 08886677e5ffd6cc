import "server-only";
import { payInIntents } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, toPageDTO, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toIntentSettlementDTO, type IntentSettlementDTO } from "./dto";

/** The account's pay-in intent settlements, newest first, one page (`?page=&perPage=`). */
export async function listIntentSettlements({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { query?: unknown };
}): Promise<PageDTO<IntentSettlementDTO>> {
  assertCan(ctx, "payins.read");
  const q = PageQuery.parse(input.query ?? {});
  return readMangopay(ctx, `intent-settlements:${q.page}:${q.perPage}`, async (client) =>
    toPageDTO(await payInIntents.listSettlements(client, { page: q.page, perPage: q.perPage }), toIntentSettlementDTO),
  );
}
