import "server-only";
import { conversions, payins, payouts, refunds, repudiations, transfers, type MangopayClient } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { NotFoundError } from "@/lib/server/errors";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { toTransactionDetailDTO, type TransactionDetailDTO } from "./dto";
import { GetTransactionInput, TransactionKind, type TransactionKind as Kind } from "./schemas";

type AnyTransaction = Parameters<typeof toTransactionDetailDTO>[1];

function fetchByKind(client: MangopayClient, kind: Kind, id: string): Promise<AnyTransaction> {
  switch (kind) {
    case "PAYIN":
      return payins.get(client, id);
    case "PAYOUT":
      return payouts.get(client, id);
    case "TRANSFER":
      return transfers.get(client, id);
    case "REFUND":
      return refunds.get(client, id);
    case "REPUDIATION":
      return repudiations.get(client, id);
    case "SETTLEMENT":
      return repudiations.getSettlement(client, id);
    case "CONVERSION":
      return conversions.get(client, id);
  }
}

async function fetchAs(ctx: AccountContext, kind: Kind, id: string): Promise<TransactionDetailDTO> {
  return toTransactionDetailDTO(
    kind,
    await readMangopay(ctx, `transaction:${kind}:${id}`, (client) => fetchByKind(client, kind, id)),
  );
}

/**
 * One transaction in full. MANGOPAY has no generic "get transaction": the list row's Type and
 * Nature (`kind`) name the endpoint; without them (or when they are wrong) every endpoint is asked
 * at once and the one that knows the id answers.
 */
export async function getTransaction({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: GetTransactionInput;
}): Promise<TransactionDetailDTO> {
  assertCan(ctx, "transactions.read");
  const { transactionId, kind } = parseInput(GetTransactionInput, input);
  if (kind) {
    try {
      return await fetchAs(ctx, kind, transactionId);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }
  const kinds = TransactionKind.options.filter((k) => k !== kind);
  const results = await Promise.allSettled(kinds.map((k) => fetchAs(ctx, k, transactionId)));
  const found = results.find((r) => r.status === "fulfilled");
  if (found && found.status === "fulfilled") return found.value;
  // Only "not found everywhere" is a 404; any other failure (timeout, quota…) is reported as such.
  const failure = results.find((r) => r.status === "rejected" && !(r.reason instanceof NotFoundError));
  if (failure && failure.status === "rejected") throw failure.reason;
  throw new NotFoundError("Transaction not found");
}
