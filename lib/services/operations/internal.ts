import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AccountContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import type { OperationsFilter } from "./schemas";

/** Every query of the log is scoped to the caller's Hub and API account. */
export function operationsWhere(ctx: AccountContext, f: OperationsFilter): Prisma.UpstreamOperationWhereInput {
  const createdAt: { gte?: Date; lt?: Date } = {};
  if (f.from) createdAt.gte = new Date(`${f.from}T00:00:00Z`);
  if (f.to) createdAt.lt = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000);
  return {
    hubId: ctx.hub.id,
    apiAccountId: ctx.account.id,
    ...(f.member ? { actorUserId: f.member } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

/** Actor emails for the rows shown (members may have left the Hub since: the email stays readable). */
export async function actorEmails(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}
