import { listUserBankAccounts } from "@/lib/services/bank-accounts/list-by-user";
import { listUserCards } from "@/lib/services/cards/list-by-user";
import type { AccountContext } from "@/lib/server/context-types";
import { can } from "@/lib/server/permissions";
import { listUserMandates } from "@/lib/services/mandates/list-by-user";
import { listRecentTransferDestinations } from "@/lib/services/operations/list-recent-destinations";
import { payableRecipientOptions } from "@/lib/services/recipients/dto";
import { listUserRecipients } from "@/lib/services/recipients/list-by-user";
import { settle } from "@/lib/services/upstream";
import { WalletMenu, type WalletMenuProps } from "./wallet-menu";

const ALL_OF_THEM = { perPage: 100 };

function allowedItems(ctx: AccountContext) {
  return {
    createWallet: can(ctx, "wallets.create"),
    payIn: can(ctx, "payins.create"),
    payout: can(ctx, "payouts.create"),
    transfer: can(ctx, "transfers.create"),
  };
}

/** The user's bank accounts, recipients, mandates and cards the menu offers, each read only when an item needs it. */
function loadOwnerMeans(ctx: AccountContext, userId: string, allowed: ReturnType<typeof allowedItems>) {
  const payout = allowed.payout && can(ctx, "bankAccounts.read");
  return Promise.all([
    payout ? settle(listUserBankAccounts({ ctx, input: { userId, query: ALL_OF_THEM } })) : null,
    payout ? settle(listUserRecipients({ ctx, input: { userId, query: ALL_OF_THEM } })) : null,
    allowed.payIn && can(ctx, "mandates.read")
      ? settle(listUserMandates({ ctx, input: { userId, query: ALL_OF_THEM } }))
      : null,
    allowed.payIn && can(ctx, "cards.read")
      ? settle(listUserCards({ ctx, input: { userId, query: ALL_OF_THEM } }))
      : null,
  ]);
}

/**
 * Starts the reads of a user's wallet menus where the user is known before their wallets are (the
 * profile and its wallets tab), so the menus cost no second round of MANGOPAY calls: the menus then
 * get the same answers from the per-request memo.
 */
export function preloadWalletActions(ctx: AccountContext, userId: string): void {
  const allowed = allowedItems(ctx);
  if (Object.values(allowed).some(Boolean)) void loadOwnerMeans(ctx, userId, allowed);
}

/**
 * The wallet's ellipsis menu: each item only when this member holds its permission on the account,
 * and the menu itself only when at least one item is left (never a dead button). The user's active
 * bank accounts, payable recipients, mandates and cards are read only for the items shown.
 */
export async function WalletActions({
  ctx,
  wallet,
}: {
  ctx: AccountContext;
  wallet: { id: string; currency: string; ownerId: string; description: string | null };
}) {
  const allowed = allowedItems(ctx);
  if (!Object.values(allowed).some(Boolean)) return null;
  const [[banks, recipients, mandates, cards], recent] = await Promise.all([
    loadOwnerMeans(ctx, wallet.ownerId, allowed),
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
    recipients: recipients?.ok === true ? payableRecipientOptions(recipients.data.items, wallet.currency) : [],
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
