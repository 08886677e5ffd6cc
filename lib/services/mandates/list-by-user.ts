import "server-only";
import { mandates } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toMandateDTO, type MandateDTO } from "./dto";

/** A user's direct-debit mandates. */
export async function listUserMandates({ ctx, input }: { ctx: AccountContext; input: { userId: unknown; query?: unknown } }): Promise<PageDTO<MandateDTO>> {
  assertCan(ctx, "mandates.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(ctx, "mandates", userId, q, (client, o) => mandates.listByUser(client, userId, o), toMandateDTO);
}
