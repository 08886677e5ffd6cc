import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { feesToMinor, toMinor } from "@/lib/services/operations/inputs";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import type { WalletParty } from "@/lib/services/operations/parties";

/** A pay-in that debits a payment means of the wallet owner (a card, a mandate) into the wallet. */
type DirectPayIn = {
  action: string;
  kind: string;
  path: string;
  /** The card or mandate debited, already checked to belong to the wallet's owner. */
  sourceId: string;
  /** What the body adds to the author, credited wallet, debited funds and fees (CardId, MandateId…). */
  body: Record<string, unknown>;
};

/**
 * Runs a direct pay-in for a verb that has checked the permission, the input and the parties: the
 * amount and fees read in the wallet's currency, then the money operation with its idempotency key.
 */
export function runDirectPayIn(
  ctx: AccountContext,
  data: { operationKey: string; amount: string; fees?: string },
  wallet: WalletParty,
  payIn: DirectPayIn,
): Promise<OperationDTO> {
  const amountMinor = toMinor(data.amount, wallet.currency, "amount");
  const feesMinor = feesToMinor(data.fees, wallet.currency, amountMinor);
  return runMoneyOperation(ctx, {
    action: payIn.action,
    kind: payIn.kind,
    operationKey: data.operationKey,
    amountMinor,
    feesMinor,
    currency: wallet.currency,
    sourceId: payIn.sourceId,
    destinationId: wallet.id,
    request: {
      path: payIn.path,
      params: {},
      body: {
        AuthorId: wallet.ownerId,
        CreditedWalletId: wallet.id,
        DebitedFunds: { Currency: wallet.currency, Amount: amountMinor },
        Fees: { Currency: wallet.currency, Amount: feesMinor },
        ...payIn.body,
      },
    },
  });
}
