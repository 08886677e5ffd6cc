import "server-only";
import { mandates } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toMandateDTO, type MandateDTO } from "./dto";

/**
 * A user's direct-debit mandates. MANGOPAY's mandate list is a summary without the scheme and the
 * bank account, so each listed mandate is read in full, all at once (at most one page of them).
 */
export async function listUserMandates({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<MandateDTO>> {
  assertCan(ctx, "mandates.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "mandates",
    userId,
    q,
    async (client, o) => {
      const page = await mandates.listByUser(client, userId, o);
      return { ...page, items: await Promise.all(page.items.map((m) => mandates.get(client, m.Id))) };
    },
    toMandateDTO,
  );
}
