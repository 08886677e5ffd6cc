import "server-only";
import type { HubContext } from "@/lib/server/context-types";
import { db } from "@/lib/server/db";
import { assertCan } from "@/lib/server/permissions";

export type FeedbackDTO = {
  id: string;
  createdAt: string;
  message: string;
  page: string | null;
  memberName: string | null;
  memberEmail: string | null;
  accountName: string | null;
  mailed: boolean;
};

/** The Hub's feedback, newest first (Owners only), with who sent it and from which account. */
export async function listFeedback({ ctx }: { ctx: HubContext }): Promise<FeedbackDTO[]> {
  assertCan(ctx, "hub.feedback.read");
  const rows = await db.feedback.findMany({
    where: { hubId: ctx.hub.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, createdAt: true, message: true, page: true, userId: true, apiAccountId: true, mailedAt: true },
  });
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const accountIds = [...new Set(rows.flatMap((r) => (r.apiAccountId ? [r.apiAccountId] : [])))];
  const [users, accounts] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.apiAccount.findMany({ where: { id: { in: accountIds }, hubId: ctx.hub.id }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const accountById = new Map(accounts.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    message: r.message,
    page: r.page,
    memberName: userById.get(r.userId)?.name ?? null,
    memberEmail: userById.get(r.userId)?.email ?? null,
    accountName: r.apiAccountId ? (accountById.get(r.apiAccountId) ?? null) : null,
    mailed: r.mailedAt !== null,
  }));
}
