import "server-only";
import { bankAccounts } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseMangopayId } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toBankAccountDTO, type BankAccountDTO } from "./dto";

/**
 * One bank account, read through its user (MANGOPAY has no `GET /bankaccounts/{id}`): type, owner,
 * masked number. Another client's, another user's or a missing id → NotFound.
 */
export async function getBankAccount({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: { userId: unknown; bankAccountId: unknown };
}): Promise<BankAccountDTO> {
  assertCan(ctx, "bankAccounts.read");
  const userId = parseMangopayId(input.userId, "Bank account not found");
  const bankAccountId = parseMangopayId(input.bankAccountId, "Bank account not found");
  return readMangopay(ctx, `bank-account:${userId}:${bankAccountId}`, async (client) =>
    toBankAccountDTO(await bankAccounts.get(client, userId, bankAccountId)),
  );
}
