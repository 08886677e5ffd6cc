import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { activeBankAccountOf, payableRecipientOf, walletParty } from "@/lib/services/operations/parties";
import { CreatePayoutInput } from "./schemas";

/**
 * Money leaves the platform to one of the wallet owner's active bank accounts or, payouts v2, to one of their
 * active recipients (`RecipientId` instead of `BankAccountId`). Another user's account or recipient is NotFound.
 */
export async function createPayout({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreatePayoutInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "payouts.create");
  const data = parseInput(CreatePayoutInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const wallet = await walletParty(ctx, data.walletId);
  const to = data.recipientId
    ? { RecipientId: (await payableRecipientOf(ctx, wallet.ownerId, data.recipientId, wallet.currency)).Id }
    : { BankAccountId: (await activeBankAccountOf(ctx, wallet.ownerId, data.bankAccountId ?? "")).Id };
  const amountMinor = toMinor(data.amount, wallet.currency, "amount");
  const feesMinor = feesToMinor(data.fees, wallet.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: "payout.create",
    kind: "PAYOUT",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: wallet.currency,
    sourceId: wallet.id,
    destinationId: to.RecipientId ?? to.BankAccountId,
    request: {
      path: "/payouts/bankwire",
      params: {},
      body: {
        AuthorId: wallet.ownerId,
        DebitedWalletId: wallet.id,
        DebitedFunds: { Currency: wallet.currency, Amount: amountMinor },
        Fees: { Currency: wallet.currency, Amount: feesMinor },
        ...to,
        ...(data.bankWireRef ? { BankWireRef: data.bankWireRef } : {}),
        ...(data.mode !== "STANDARD" ? { PayoutModeRequested: data.mode } : {}),
      },
    },
  });
}
