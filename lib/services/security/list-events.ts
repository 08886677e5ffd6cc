import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";
import { dateRange, SECURITY_PAGE_SIZE, type SecurityFilter } from "./schemas";

export type AuditEventDTO = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  apiAccountId: string | null;
  apiAccountName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
};

export const AUDIT_EVENT_SELECT = {
  id: true,
  createdAt: true,
  actorEmail: true,
  action: true,
  apiAccountId: true,
  targetType: true,
  targetId: true,
  ip: true,
  userAgent: true,
  before: true,
  after: true,
  metadata: true,
} as const;

/** The one `where` for the page and the CSV export, so both show exactly the same rows. */
export function auditWhere(hubId: string, filter: SecurityFilter): Prisma.AuditEventWhereInput {
  const range = dateRange(filter);
  return {
    hubId,
    ...(filter.member ? { actorUserId: filter.member } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.account ? { apiAccountId: filter.account } : {}),
    ...(range.gte || range.lt ? { createdAt: range } : {}),
  };
}

export async function accountNames(hubId: string): Promise<Map<string, string>> {
  const accounts = await db.apiAccount.findMany({ where: { hubId }, select: { id: true, name: true } });
  return new Map(accounts.map((a) => [a.id, a.name]));
}

export async function listAuditEvents({ ctx, input }: { ctx: HubContext; input: SecurityFilter }) {
  assertCan(ctx, "hub.security.read");
  const where = auditWhere(ctx.hub.id, input);
  const [rows, total, names] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * SECURITY_PAGE_SIZE,
      take: SECURITY_PAGE_SIZE,
      select: AUDIT_EVENT_SELECT,
    }),
    db.auditEvent.count({ where }),
    accountNames(ctx.hub.id),
  ]);
  const events: AuditEventDTO[] = rows.map((r) => ({
    ...r,
    apiAccountName: r.apiAccountId ? (names.get(r.apiAccountId) ?? null) : null,
  }));
  return { events, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / SECURITY_PAGE_SIZE)) };
}
