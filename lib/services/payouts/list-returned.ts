import "server-only";
import { events, refunds } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import type { MoneyDTO } from "@/lib/services/mangopay/inputs";
import { readMangopay } from "@/lib/services/mangopay/request";

const MAX_READ = 50;

export type ReturnedPayouts = {
  count: number;
  totals: MoneyDTO[];
  partial: boolean;
  latest: { refundId: string; payoutId: string | null; amount: MoneyDTO; reason: string | null }[];
};

/**
 * Payouts the bank returned (a PAYOUT_REFUND) in the last `days` days: the PAYOUT_REFUND_SUCCEEDED
 * events give the count, and the refunds (at most 50, read all at once) their amounts and reasons.
 */
export async function listReturnedPayouts({
  ctx,
  input,
}: {
  ctx: AccountContext;
  input?: { days?: number };
}): Promise<ReturnedPayouts> {
  assertCan(ctx, "payouts.read");
  assertCan(ctx, "refunds.read");
  assertCan(ctx, "events.read");
  const days = Math.min(Math.max(Math.trunc(input?.days ?? 30), 1), 44);
  return readMangopay(ctx, `returned-payouts:${days}`, async (client) => {
    const AfterDate = Math.floor(Date.now() / 1000) - days * 86_400;
    const page = await events.list(client, {
      perPage: 100,
      sort: { field: "Date", direction: "DESC" },
      filters: { EventType: "PAYOUT_REFUND_SUCCEEDED", AfterDate },
      priority: "optional",
    });
    const count = page.totalItems ?? page.items.length;
    const found = await Promise.all(
      page.items.slice(0, MAX_READ).map((e) => refunds.get(client, e.ResourceId, { priority: "optional" })),
    );
    const totals = new Map<string, number>();
    for (const r of found)
      totals.set(r.DebitedFunds.Currency, (totals.get(r.DebitedFunds.Currency) ?? 0) + r.DebitedFunds.Amount);
    return {
      count,
      totals: [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor })),
      partial: count > found.length,
      latest: found.slice(0, 5).map((r) => ({
        refundId: r.Id,
        payoutId: r.InitialTransactionId ?? null,
        amount: { amountMinor: r.DebitedFunds.Amount, currency: r.DebitedFunds.Currency },
        reason: r.RefundReason?.RefundReasonType ?? null,
      })),
    };
  });
}
