import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput, ValidationError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { assertSameCurrency, walletParty } from "@/lib/services/operations/parties";
import { CreateTransferInput } from "./schemas";

/** Wallet to wallet, same currency, any user's wallet of this account; insufficient balance comes back FAILED. */
export async function createTransfer({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateTransferInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "transfers.create");
  const data = parseInput(CreateTransferInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  if (data.walletId === data.creditedWalletId) {
    throw new ValidationError("Please correct the highlighted fields.", {
      creditedWalletId: ["Choose another wallet than the one debited."],
    });
  }
  const [debited, credited] = await Promise.all([
    walletParty(ctx, data.walletId),
    walletParty(ctx, data.creditedWalletId),
  ]);
  assertSameCurrency(debited.currency, credited.currency, "The credited wallet");
  const amountMinor = toMinor(data.amount, debited.currency, "amount");
  const feesMinor = feesToMinor(data.fees, debited.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: "transfer.create",
    kind: "TRANSFER",
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: debited.currency,
    sourceId: debited.id,
    destinationId: credited.id,
    request: {
      path: "/transfers",
      params: {},
      body: {
        AuthorId: debited.ownerId,
        DebitedWalletId: debited.id,
        CreditedWalletId: credited.id,
        CreditedUserId: credited.ownerId,
        DebitedFunds: { Currency: debited.currency, Amount: amountMinor },
        Fees: { Currency: debited.currency, Amount: feesMinor },
      },
    },
  });
}
