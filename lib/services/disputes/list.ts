import "server-only";
import { disputes } from "@/lib/mangopay";
import type { AccountContext } from "@/lib/server/context-types";
import { assertCan } from "@/lib/server/permissions";
import { parseInput } from "@/lib/server/errors";
import { readMangopay } from "@/lib/services/mangopay/request";
import { dayRangeToQuery } from "@/lib/services/mangopay/date-range";
import { toDisputeDTO } from "./dto";
import { ListDisputesInput, PENDING_CLIENT_STATUSES, type DisputeFilters, type DisputeQuickFilter } from "./schemas";

/**
 * Disputes newest first. "Pending client" asks MANGOPAY for both waiting statuses at once; "To
 * settle" is MANGOPAY's own list of lost disputes whose repudiation is not yet repaid.
 */
export async function listDisputes({ ctx, input }: { ctx: AccountContext; input: ListDisputesInput }) {
  assertCan(ctx, "disputes.read");
  const { filters, payInId, page, perPage } = parseInput(ListDisputesInput, input);
  const options = { page, perPage, ...disputeListQuery(filters) };
  const key = `disputes:${JSON.stringify({ filters, payInId, page, perPage })}`;
  const result = await readMangopay(ctx, key, (client) => {
    if (payInId) return disputes.listByPayIn(client, payInId, options);
    return filters.quick === "to-settle"
      ? disputes.listPendingSettlement(client, options)
      : disputes.list(client, options);
  });
  return { ...result, items: result.items.map(toDisputeDTO) };
}

/**
 * The page's filters as MANGOPAY's list query, newest first: "Pending client" asks for both waiting
 * statuses. The disputes export's "To settle" queue pages MANGOPAY with the same query.
 */
export function disputeListQuery(filters: Omit<DisputeFilters, "quick"> & { quick?: DisputeQuickFilter }) {
  const status = filters.quick === "pending-client" ? [...PENDING_CLIENT_STATUSES] : filters.status;
  return {
    sort: { field: "CreationDate", direction: "DESC" } as const,
    filters: { Status: status, DisputeType: filters.type, ...dayRangeToQuery(filters) },
  };
}
