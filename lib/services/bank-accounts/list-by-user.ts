import "server-only";
import { bankAccounts } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { PageQuery, parseMangopayId, type PageDTO } from "@/lib/services/mangopay/inputs";
import { readUserPage } from "@/lib/services/mangopay/request";
import { toBankAccountDTO, type BankAccountDTO } from "./dto";

/** A user's bank accounts, numbers masked. */
export async function listUserBankAccounts({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; query?: unknown };
}): Promise<PageDTO<BankAccountDTO>> {
  assertCan(ctx, "bankAccounts.read");
  const userId = parseMangopayId(input.userId, "User not found");
  const q = PageQuery.parse(input.query ?? {});
  return readUserPage(
    ctx,
    "bank-accounts",
    userId,
    q,
    (client, o) => bankAccounts.listByUser(client, userId, o),
    toBankAccountDTO,
  );
}
