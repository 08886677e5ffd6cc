import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { walletParty } from "@/lib/services/operations/parties";
import { CreateBankWirePayInInput } from "./schemas";

/** Declares an incoming bank wire: CREATED until the money arrives; the answer's bank details and wire reference go to the payer. */
export async function createBankWirePayIn({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateBankWirePayInInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "payins.create");
  const data = parseInput(CreateBankWirePayInInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const wallet = await walletParty(ctx, data.walletId);
  const amountMinor = toMinor(data.amount, wallet.currency, "amount");
  const feesMinor = feesToMinor(data.fees, wallet.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: "payin.bankwire.create",
    kind: "PAYIN_BANK_WIRE",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: wallet.currency,
    destinationId: wallet.id,
    request: {
      path: "/payins/bankwire/direct",
      params: {},
      body: {
        AuthorId: wallet.ownerId,
        CreditedWalletId: wallet.id,
        DeclaredDebitedFunds: { Currency: wallet.currency, Amount: amountMinor },
        DeclaredFees: { Currency: wallet.currency, Amount: feesMinor },
      },
    },
  });
}
