import "server-only";
import { ubo } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toUboDeclarationDTO, type UboDeclarationDTO } from "./dto";

/** A legal user's UBO declarations. */
export async function listUserUboDeclarations({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<UboDeclarationDTO>> {
  assertCan(ctx, "uboDeclarations.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "ubo-declarations",
    userId,
    q,
    (client, o) => ubo.listDeclarationsByUser(client, userId, o),
    toUboDeclarationDTO,
  );
}
