import "server-only";
import { bankAccounts } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, PreconditionError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toBankAccountDTO, type BankAccountDTO } from "./dto";
import { DeactivateBankAccountInput } from "./schemas";

/** Deactivates a user's bank account, irreversibly (MANGOPAY cannot reactivate one). */
export async function deactivateBankAccount({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: DeactivateBankAccountInput;
}): Promise<BankAccountDTO> {
  assertCan(ctx, "bankAccounts.edit");
  const data = parseInput(DeactivateBankAccountInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  const before = toBankAccountDTO(await callMangopay(() => bankAccounts.get(client, data.userId, data.bankAccountId)));
  if (!before.active) throw new PreconditionError("This bank account is already deactivated.");
  return recordedMangopayCall(ctx, {
    action: "bank_account.deactivate",
    targetType: "bank_account",
    targetId: data.bankAccountId,
    before,
    intent: { userId: data.userId, active: false },
    confirm: {
      by: "read",
      path: "/users/{userId}/bankaccounts/{bankAccountId}",
      params: { userId: data.userId, bankAccountId: data.bankAccountId },
      expect: { Active: false },
    },
    call: () =>
      callMangopay(async () =>
        toBankAccountDTO(await bankAccounts.deactivate(client, data.userId, data.bankAccountId)),
      ),
    result: (account) => ({ upstreamId: account.id, after: account }),
  });
}
