import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { readMangopay } from "@/lib/services/mangopay/request";

export type DisputesNeedingAction = { count: number; nearestDeadline: string | null; nearestDisputeId: string | null };

/** Disputes waiting for the platform (PENDING_CLIENT_ACTION, REOPENED_PENDING_CLIENT_ACTION) and the nearest contest deadline. */
export async function countDisputesNeedingAction({ ctx }: { ctx: AccountContext }): Promise<DisputesNeedingAction> {
  assertCan(ctx, "disputes.read");
  return readMangopay(ctx, "disputes-needing-action", async (client) => {
    const page = await disputes.list(client, {
      perPage: 100,
      filters: { Status: "PENDING_CLIENT_ACTION,REOPENED_PENDING_CLIENT_ACTION" },
    });
    const now = Date.now();
    const upcoming = page.items
      .filter((d) => d.ContestDeadlineDate && d.ContestDeadlineDate.getTime() > now)
      .sort((a, b) => (a.ContestDeadlineDate?.getTime() ?? 0) - (b.ContestDeadlineDate?.getTime() ?? 0));
    const nearest = upcoming[0];
    return {
      count: page.totalItems ?? page.items.length,
      nearestDeadline: nearest?.ContestDeadlineDate?.toISOString() ?? null,
      nearestDisputeId: nearest?.Id ?? null,
    };
  });
}
