import "server-only";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import type { PageDTO } from "@/lib/services/mangopay/inputs";
import { OPERATION_SELECT, toOperationDTO, type OperationDTO } from "./dto";
import { actorEmails, operationsWhere } from "./internal";
import { reconcileOperation } from "./reconcile";
import { OPERATIONS_PAGE_SIZE, OperationsFilter } from "./schemas";

export type OperationsLog = PageDTO<OperationDTO> & { members: { id: string; email: string }[] };

/**
 * The account's operations log, newest first. Viewing it reconciles the PENDING rows shown (their
 * answer is asked from MANGOPAY under their own key), so nobody reads a stale "pending".
 */
export async function listOperations({ ctx, input }: { ctx: AccountContext; input: unknown }): Promise<OperationsLog> {
  assertCan(ctx, "transactions.read");
  const filter = OperationsFilter.parse(input ?? {});
  const where = operationsWhere(ctx, filter);
  const [rows, total, actors] = await Promise.all([
    db.upstreamOperation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * OPERATIONS_PAGE_SIZE,
      take: OPERATIONS_PAGE_SIZE,
      select: OPERATION_SELECT,
    }),
    db.upstreamOperation.count({ where }),
    db.upstreamOperation.findMany({
      where: { hubId: ctx.hub.id, apiAccountId: ctx.account.id, actorUserId: { not: null } },
      distinct: ["actorUserId"],
      select: { actorUserId: true },
    }),
  ]);
  const current = await Promise.all(
    rows.map((r) => (r.status === "PENDING" ? reconcileOperation(r, "view") : Promise.resolve(r))),
  );
  const emails = await actorEmails([...current.map((r) => r.actorUserId), ...actors.map((a) => a.actorUserId)]);
  return {
    items: current.map((r) => toOperationDTO(r, r.actorUserId ? (emails.get(r.actorUserId) ?? null) : null)),
    page: filter.page,
    perPage: OPERATIONS_PAGE_SIZE,
    totalItems: total,
    totalPages: Math.max(1, Math.ceil(total / OPERATIONS_PAGE_SIZE)),
    members: actors
      .map((a) => ({ id: a.actorUserId ?? "", email: emails.get(a.actorUserId ?? "") ?? "(deleted member)" }))
      .filter((m) => m.id)
      .sort((a, b) => a.email.localeCompare(b.email)),
  };
}
