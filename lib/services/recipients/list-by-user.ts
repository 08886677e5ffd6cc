import "server-only";
import { recipients } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toRecipientDTO, type RecipientDTO } from "./dto";

/** A user's recipients (`GET /users/{id}/recipients`), newest first; the bank accounts' permission. */
export async function listUserRecipients({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<RecipientDTO>> {
  assertCan(ctx, "bankAccounts.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "recipients",
    userId,
    q,
    (client, o) => recipients.listByUser(client, userId, o),
    toRecipientDTO,
  );
}
