import Link from "@/components/intent-link";
import { dashboardPaths } from "@/lib/dashboard-paths";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { getTransaction } from "@/lib/services/transactions/get";
import { settle } from "@/lib/services/upstream";

/**
 * The user who paid the disputed pay-in: disputes do not name a user, so each row's cell loads its
 * pay-in on its own (streamed, memoized per request) and never delays the table.
 */
export async function DisputedUser({ ctx, payInId }: { ctx: AccountContext; payInId: string }) {
  if (!can(ctx, "transactions.read")) return <span className="text-slate-400">—</span>;
  const result = await settle(getTransaction({ ctx, input: { transactionId: payInId, kind: "PAYIN" } }));
  if (!result.ok) {
    return (
      <span className="text-xs text-slate-400" title={result.error.message}>
        unavailable
      </span>
    );
  }
  const userId = result.data.authorId;
  if (!userId) return <span className="text-slate-400">—</span>;
  return can(ctx, "users.read") ? (
    <Link href={dashboardPaths(ctx.account.id).user(userId)} className="relative z-10 font-mono text-xs underline">
      {userId}
    </Link>
  ) : (
    <span className="font-mono text-xs">{userId}</span>
  );
}
