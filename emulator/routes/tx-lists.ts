// Transaction list filters shared by every …/transactions route (reference §2.3).
import type { ApiContext, ApiResult } from "../core/context";
import { listResult, resolveIds } from "../core/list";

export const TX_FILTERS = ["Status", "ResultCode", "Type", "Nature"];

export function txList(ctx: ApiContext, ids: readonly string[]): ApiResult {
  return listResult(ctx, resolveIds(ids, ctx.store.transactions), { filters: TX_FILTERS });
}
