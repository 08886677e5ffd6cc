import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { runMoneyOperation } from "@/lib/services/operations/money-operation";
import { userParty } from "@/lib/services/operations/parties";
import { CreateWalletInput } from "./schemas";

/** A new wallet for a user: no money moves, but it runs as an operation so a resubmit creates one wallet. */
export async function createWallet({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: CreateWalletInput;
}): Promise<OperationDTO> {
  assertCan(ctx, "wallets.create");
  const data = parseInput(CreateWalletInput, input);
  if (data.accountId !== ctx.account.id) throw new NotFoundError("API account not found");
  const user = await userParty(ctx, data.userId);
  return runMoneyOperation(ctx, {
    action: "wallet.create",
    kind: "WALLET",
    operationKey: data.operationKey,
    currency: data.currency,
    destinationId: user.id,
    request: {
      path: "/wallets",
      params: {},
      body: { Owners: [user.id], Currency: data.currency, Description: data.description },
    },
  });
}
