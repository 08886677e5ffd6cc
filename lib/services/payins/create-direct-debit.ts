import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { activeMandateOf, walletParty } from "@/lib/services/operations/parties";
import { CreateDirectDebitPayInInput } from "./schemas";

/** Debits the wallet owner's bank account through one of their active mandates. */
export async function createDirectDebitPayIn({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateDirectDebitPayInInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "payins.create");
  const data = parseInput(CreateDirectDebitPayInInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const wallet = await walletParty(ctx, data.walletId);
  const mandate = await activeMandateOf(ctx, wallet.ownerId, data.mandateId);
  const amountMinor = toMinor(data.amount, wallet.currency, "amount");
  const feesMinor = feesToMinor(data.fees, wallet.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: "payin.directdebit.create",
    kind: "PAYIN_DIRECT_DEBIT",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: wallet.currency,
    sourceId: mandate.Id,
    destinationId: wallet.id,
    request: {
      path: "/payins/directdebit/direct",
      params: {},
      body: {
        AuthorId: wallet.ownerId,
        CreditedWalletId: wallet.id,
        DebitedFunds: { Currency: wallet.currency, Amount: amountMinor },
        Fees: { Currency: wallet.currency, Amount: feesMinor },
        MandateId: mandate.Id,
      },
    },
  });
}
