import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { listUserCards } from "@/lib/services/cards/list-by-user";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listUserMandates } from "@/lib/services/mandates/list-by-user";
import { listRecentTransferDestinations } from "@/lib/services/operations/list-recent-destinations";
import { settle } from "@/lib/services/upstream";
import { WalletMenu, type WalletMenuProps } from "./wallet-menu";

/**
 * The wallet's ellipsis menu: each item only when this member holds its permission on the account,
 * and the menu itself only when at least one item is left (never a dead button). The user's active
 * bank accounts, mandates and cards are read only for the items shown.
 */
export async function WalletActions({
  ctx,
  wallet,
}: {
  ctx: AccountContext;
  wallet: { id: string; currency: string; ownerId: string; description: string | null };
}) {
  const allowed = {
    createWallet: can(ctx, "wallets.create"),
    payIn: can(ctx, "payins.create"),
    payout: can(ctx, "payouts.create"),
    transfer: can(ctx, "transfers.create"),
  };
  if (!Object.values(allowed).some(Boolean)) return null;
  const userId = wallet.ownerId;
  const [banks, mandates, cards, recent] = await Promise.all([
    allowed.payout && can(ctx, "bankAccounts.read")
      ? settle(listUserBankAccounts({ ctx, input: { userId, query: { perPage: 100 } } }))
      : null,
    allowed.payIn && can(ctx, "mandates.read")
      ? settle(listUserMandates({ ctx, input: { userId, query: { perPage: 100 } } }))
      : null,
    allowed.payIn && can(ctx, "cards.read")
      ? settle(listUserCards({ ctx, input: { userId, query: { perPage: 100 } } }))
      : null,
    allowed.transfer ? listRecentTransferDestinations({ ctx, input: { currency: wallet.currency } }) : [],
  ]);
  const props: WalletMenuProps = {
    recentDestinations: recent,
    accountId: ctx.account.id,
    isProduction: ctx.account.environment === "PRODUCTION",
    wallet,
    allowed,
    bankAccounts:
      banks?.ok === true
        ? banks.data.items
            .filter((b) => b.active)
            .map((b) => ({ id: b.id, label: `${b.ownerName} · ${b.maskedNumber ?? b.type} (${b.id})` }))
        : [],
    mandates:
      mandates?.ok === true
        ? mandates.data.items
            .filter((m) => m.status === "ACTIVE" || m.status === "SUBMITTED")
            .map((m) => ({ id: m.id, label: `${m.scheme ?? "Mandate"} ${m.id} (${m.status.toLowerCase()})` }))
        : [],
    cards:
      cards?.ok === true
        ? cards.data.items
            .filter((c) => c.active && c.validity !== "INVALID" && c.currency === wallet.currency)
            .map((c) => ({ id: c.id, label: `${c.alias ?? c.id} · ${c.expiry ?? ""}` }))
        : [],
  };
  return <WalletMenu {...props} />;
}

/** The same menu in a row of the profile's wallets (above the row's stretched link). */
export function WalletRowActions({
  ctx,
  wallet,
}: {
  ctx: AccountContext;
  wallet: { id: string; currency: string; ownerIds: string[]; description: string | null };
}) {
  const ownerId = wallet.ownerIds[0];
  if (!ownerId) return null;
  return (
    <span className="relative z-10">
      <WalletActions
        ctx={ctx}
        wallet={{ id: wallet.id, currency: wallet.currency, ownerId, description: wallet.description }}
      />
    </span>
  );
}
