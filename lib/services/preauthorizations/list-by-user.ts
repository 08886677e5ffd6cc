import "server-only";
import { preauthorizations } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toPreauthorizationDTO, type PreauthorizationDTO } from "./dto";

/** A user's card preauthorizations (status, remaining funds, expiry). */
export async function listUserPreauthorizations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<PreauthorizationDTO>> {
  assertCan(ctx, "preauthorizations.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "preauthorizations",
    userId,
    q,
    (client, o) => preauthorizations.listByUser(client, userId, o),
    toPreauthorizationDTO,
  );
}
