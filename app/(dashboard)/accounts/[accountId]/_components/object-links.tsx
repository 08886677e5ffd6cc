import Link from "@/components/intent-link";
import { dashboardPaths, isClientWallet } from "@/lib/dashboard-paths";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";

const ID = "font-mono text-xs";

/** A user's Id, linked to the profile when the member may read users. */
export function UserLink({ ctx, id }: { ctx: AccountContext; id: string | null }) {
  if (!id) return null;
  return can(ctx, "users.read") ? (
    <Link href={dashboardPaths(ctx.account.id).user(id)} className={`${ID} underline`}>
      {id}
    </Link>
  ) : (
    <span className={ID}>{id}</span>
  );
}

/** A wallet's Id, linked to its page (client wallets have none: the transactions page lists them). */
export function WalletLink({ accountId, id }: { accountId: string; id: string | null }) {
  if (!id) return null;
  return (
    <Link
      href={isClientWallet(id) ? dashboardPaths(accountId).transactions : dashboardPaths(accountId).wallet(id)}
      className={`${ID} underline`}
    >
      {id}
    </Link>
  );
}

/** A card's Id, linked to its owner's cards tab (the dashboard has no card page). */
export function CardLink({ ctx, id, userId }: { ctx: AccountContext; id: string | null; userId: string | null }) {
  if (!id) return null;
  return userId && can(ctx, "users.read") && can(ctx, "cards.read") ? (
    <Link href={dashboardPaths(ctx.account.id).userTab(userId, "cards")} className={`${ID} underline`}>
      {id}
    </Link>
  ) : (
    <span className={ID}>{id}</span>
  );
}

/** A pay-in's Id, linked to its transaction page when the member may read transactions. */
export function PayInLink({ ctx, id }: { ctx: AccountContext; id: string | null }) {
  if (!id) return null;
  return can(ctx, "transactions.read") ? (
    <Link href={dashboardPaths(ctx.account.id).transaction(id, "PAYIN")} className={`${ID} underline`}>
      {id}
    </Link>
  ) : (
    <span className={ID}>{id}</span>
  );
}
