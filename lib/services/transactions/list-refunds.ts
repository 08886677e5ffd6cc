import "server-only";
import { refunds } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { z } from "zod";
import { MangopayId } from "@/lib/services/mangopay/inputs";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { toTransactionDTO, type TransactionDTO } from "./dto";

export const ListTransactionRefundsInput = z.object({
  transactionId: MangopayId,
  kind: z.enum(["PAYIN", "TRANSFER", "PAYOUT", "REPUDIATION"]),
});
export type ListTransactionRefundsInput = z.input<typeof ListTransactionRefundsInput>;

/** Refunds of a pay-in or transfer, returns of a payout, funds given back on a won dispute. */
export async function listTransactionRefunds({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input: ListTransactionRefundsInput;
}): Promise<TransactionDTO[]> {
  assertCan(ctx, "transactions.read");
  const { transactionId, kind } = parseInput(ListTransactionRefundsInput, input);
  const options = { perPage: 100, sort: { field: "CreationDate", direction: "DESC" } as const };
  const page = await readMangopay(ctx, `refunds:${kind}:${transactionId}`, (client) => {
    if (kind === "PAYIN") return refunds.listByPayIn(client, transactionId, options);
    if (kind === "TRANSFER") return refunds.listByTransfer(client, transactionId, options);
    if (kind === "PAYOUT") return refunds.listByPayOut(client, transactionId, options);
    return refunds.listByRepudiation(client, transactionId, options);
  });
  return page.items.map(toTransactionDTO);
}

/**
 * What can still be refunded of a succeeded pay-in or transfer: its debited amount minus every
 * refund that succeeded or is still being processed (a failed refund gave nothing back).
 */
export function refundableAmount(
  tx: { status: string; debited: MoneyDTO },
  refundRows: readonly TransactionDTO[],
): MoneyDTO {
  if (tx.status !== "SUCCEEDED") return { currency: tx.debited.currency, amountMinor: 0 };
  const refunded = refundRows
    .filter((r) => r.status !== "FAILED" && r.debited.currency === tx.debited.currency)
    .reduce((sum, r) => sum + r.debited.amountMinor, 0);
  return { currency: tx.debited.currency, amountMinor: Math.max(0, tx.debited.amountMinor - refunded) };
}
