import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError, parseInput } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import type { OperationDTO } from "@/lib/services/operations/dto";
import { activeMandateOf, walletParty } from "@/lib/services/operations/parties";
import { runDirectPayIn } from "./internal";
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
  return runDirectPayIn(ctx, data, wallet, {
    action: "payin.directdebit.create",
    kind: "PAYIN_DIRECT_DEBIT",
    path: "/payins/directdebit/direct",
    sourceId: mandate.Id,
    body: {
      MandateId: mandate.Id,
    },
  });
}
