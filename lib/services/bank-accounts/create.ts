import "server-only";
import { bankAccounts } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { mangopayClientFor } from "@/lib/services/api-accounts/internal";
import { withFormFieldNames } from "@/lib/services/mangopay/write-inputs";
import { recordedMangopayCall } from "@/lib/services/operations/recorded-call";
import { callMangopay } from "@/lib/services/upstream";
import { toBankAccountDTO, type BankAccountDTO } from "./dto";
import { BANK_ACCOUNT_FIELD_NAMES, bankAccountBody, CreateBankAccountInput } from "./schemas";

/** Registers a bank account for a user; the audit keeps only the masked number. */
export async function createBankAccount({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateBankAccountInput;
}): Promise<BankAccountDTO> {
  assertCan(ctx, "bankAccounts.create");
  const values = parseInput(CreateBankAccountInput, input);
  const data = { accountId: values.accountId, userId: values.userId, body: bankAccountBody(values) };
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const client = await mangopayClientFor(ctx.hub.id, ctx.account.id);
  return recordedMangopayCall(ctx, {
    action: "bank_account.create",
    targetType: "bank_account",
    intent: { userId: data.userId, type: data.body.Type, ownerName: data.body.OwnerName },
    confirm: { by: "response" },
    call: (idempotencyKey) =>
      withFormFieldNames(BANK_ACCOUNT_FIELD_NAMES, () =>
        callMangopay(async () =>
          toBankAccountDTO(await bankAccounts.create(client, data.userId, data.body, { idempotencyKey })),
        ),
      ),
    result: (account) => ({ upstreamId: account.id, after: account }),
  });
}
